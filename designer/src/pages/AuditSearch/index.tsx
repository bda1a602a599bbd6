// The auditors' case search: process, street, business key (its beginning), start dates and status, filtered and paged
// by the server; a case opens on its audit page. The last search is remembered, so coming back restores it.
import { Button, DatePicker, Flex, Form, type GetProps, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CaseSummary } from '../../api/audit';
import { useCaseSearch } from '../../api/hooks/useCaseSearch.query';
import { useOrgUnits } from '../../api/hooks/useOrgUnits.query';
import { useProcessName } from '../../api/hooks/useProcessName';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { CaseStatusTag } from '../../components/CaseStatusTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { auditCasePath } from '../../routing/paths';
import { CASE_STATUSES, type CaseSearch, caseSearchParams, EMPTY_SEARCH } from './searchParams';

interface FormValues {
  definitionKey?: string;
  street?: string;
  status?: CaseSearch['status'];
  businessKeyPrefix?: string;
  started?: GetProps<typeof DatePicker.RangePicker>['value'];
}

/** The search last made on this page (kept while the app runs), with the form that made it. */
let remembered: { search: CaseSearch; form: FormValues } = { search: EMPTY_SEARCH, form: {} };

/** Cases of the caller's streets for auditing. */
export function AuditSearchPage() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const streetName = useStreetName();
  const processName = useProcessName();
  const definitions = useDefinitions();
  const streets = useOrgUnits('street');
  const [search, setSearch] = useState<CaseSearch>(remembered.search);
  const [form] = Form.useForm<FormValues>();
  const results = useCaseSearch(caseSearchParams(search));

  const apply = (next: CaseSearch) => {
    remembered = { search: next, form: form.getFieldsValue() };
    setSearch(next);
  };
  const submit = (values: FormValues) =>
    apply({
      page: 1,
      size: search.size,
      definitionKey: values.definitionKey,
      street: values.street,
      status: values.status,
      businessKeyPrefix: values.businessKeyPrefix,
      startedFrom: values.started?.[0]?.startOf('day').toISOString(),
      startedTo: values.started?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.search.title')}
      </Typography.Title>
      <Form<FormValues> form={form} layout="inline" initialValues={remembered.form} onFinish={submit} role="search" aria-label={t('audit.search.title')} style={{ rowGap: 8 }}>
        <Form.Item name="definitionKey" label={t('audit.search.process')}>
          <Select
            allowClear
            placeholder={t('audit.search.any')}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(definitions.data?.items ?? []).map((d) => ({ value: d.key, label: d.name ?? d.key }))}
          />
        </Form.Item>
        <Form.Item name="street" label={t('audit.search.street')}>
          <Select allowClear placeholder={t('audit.search.any')} style={{ width: 150 }} options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="businessKeyPrefix" label={t('audit.search.businessKey')}>
          <Input allowClear placeholder={t('audit.search.businessKeyPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="started" label={t('audit.search.startedBetween')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="status" label={t('audit.search.status')}>
          <Select allowClear placeholder={t('audit.search.any')} style={{ width: 120 }} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`audit.status.${s}`) }))} />
        </Form.Item>
        <Form.Item>
          <Flex gap="small">
            <Button type="primary" htmlType="submit">
              {t('audit.search.submit')}
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ definitionKey: undefined, street: undefined, status: undefined, businessKeyPrefix: undefined, started: undefined });
                apply({ ...EMPTY_SEARCH, size: search.size });
              }}
            >
              {t('audit.search.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      {results.error && <ProblemAlert message={t('audit.search.loadFailed')} error={results.error} />}
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        aria-label={t('audit.search.results')}
        loading={results.isFetching && !results.data}
        dataSource={results.data?.items ?? []}
        locale={{ emptyText: t('audit.search.empty') }}
        onRow={(row) => ({ onDoubleClick: () => navigate(auditCasePath(row.id)) })}
        pagination={{
          current: search.page,
          pageSize: search.size,
          total: results.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('audit.search.total', { total }),
          onChange: (page, size) => apply({ ...search, page: size === search.size ? page : 1, size }),
        }}
        columns={[
          { title: t('audit.col.businessKey'), dataIndex: 'businessKey', render: (key: string, row) => <Typography.Link onClick={() => navigate(auditCasePath(row.id))}>{key}</Typography.Link> },
          { title: t('audit.col.process'), dataIndex: 'definitionKey', render: (key: string, row) => `${processName(key)} v${row.definitionVersion}` },
          { title: t('audit.col.street'), dataIndex: 'street', render: (street: string | null) => streetName(street) },
          { title: t('audit.col.status'), dataIndex: 'status', render: (_: unknown, row) => <CaseStatusTag status={row.status === 'incident' ? 'running' : row.status} incidents={row.incidentCount} /> },
          { title: t('audit.col.startedBy'), dataIndex: 'startedBy', render: (who: string | null) => who ?? '—' },
          { title: t('audit.col.startedAt'), dataIndex: 'startedAt', render: (at: string) => formatDateTime(at) },
          { title: t('audit.col.endedAt'), dataIndex: 'endedAt', render: (at: string | null) => (at ? formatDateTime(at) : '—') },
          {
            title: '',
            key: 'open',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => navigate(auditCasePath(row.id))}>
                {t('audit.open')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
