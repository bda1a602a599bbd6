// Start a case: pick a deployed process, give the case its business key and street, and any starting variables.
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useMe } from '../../api/hooks/useMe.query';
import { useOrgUnits } from '../../api/hooks/useOrgUnits.query';
import { useStartCase } from '../../api/hooks/useStartCase.mutation';
import { useStreetName } from '../../api/hooks/useStreetName';
import { ProblemAlert } from '../../components/ProblemAlert';
import { VariablePairsFields } from '../../components/VariablePairsFields';
import { describeProblem, problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { navigate, searchParam } from '../../routing/location';
import { casePath } from '../../routing/paths';
import { type VariablePair, variablesFromPairs } from '../../components/VariablePairsFields/variablePairs';
import { serverMessageText } from '../Task/formMessages';
import { BUSINESS_KEY_MAX, IDENTIFIER_SEPARATORS } from '../../../../contracts/identifiers';
import { businessKeyProblem, suggestBusinessKey } from './businessKey';

/** What the start form holds. */
interface StartValues {
  definitionKey?: string;
  businessKey: string;
  street?: string;
  variables: VariablePair[];
}

/** The server's field errors on the business key (400 validation-failed, `errors[].path` body.businessKey). */
function businessKeyErrors(body: Record<string, unknown>): string[] {
  const errors = Array.isArray(body.errors) ? (body.errors as Array<{ path?: unknown; message?: unknown }>) : [];
  return errors.flatMap((e) => (e?.path === 'body.businessKey' && typeof e.message === 'string' ? [e.message] : []));
}

/** The start page; `?process=<key>` preselects a process. Everyone who may start a case may list the deployed processes. */
export function StartCasePage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const definitions = useDefinitions();
  const streetUnits = useOrgUnits('street');
  const streetName = useStreetName();
  const start = useStartCase();
  const [form] = Form.useForm<StartValues>();
  const idempotencyKey = useRef(newIdempotencyKey());

  const districtWide = me?.streets.includes('*') ?? false;
  const streets = useMemo(() => (districtWide ? (streetUnits.data ?? []).map((unit) => unit.id) : (me?.streets ?? [])), [districtWide, streetUnits.data, me]);
  const initialValues = useMemo<StartValues>(
    () => ({ definitionKey: searchParam('process') ?? undefined, businessKey: suggestBusinessKey(new Date()), street: streets.length === 1 ? streets[0] : undefined, variables: [{ name: '', value: '' }] }),
    // Recomputed once the user's streets are known (the form is keyed by them, so it takes the new defaults).
    [streets],
  );

  function onFinish(values: StartValues) {
    const parsed = variablesFromPairs(values.variables ?? []);
    if ('error' in parsed) {
      form.setFields([{ name: ['variables', parsed.index, 'name'], errors: [t(parsed.error === 'duplicate-name' ? 'variables.duplicate' : 'variables.nameInvalid')] }]);
      return;
    }
    start.mutate(
      { definitionKey: values.definitionKey?.trim() ?? '', businessKey: values.businessKey.trim(), street: values.street ?? null, variables: parsed.variables, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (started) => {
          idempotencyKey.current = newIdempotencyKey();
          void message.success(t('start.started', { key: started.businessKey }));
          navigate(casePath(started.id));
        },
        onError: (error) => {
          const keyErrors = businessKeyErrors(error.body);
          if (error.code === 'duplicate-business-key') form.setFields([{ name: 'businessKey', errors: [t('start.duplicate')] }]);
          else if (error.code === 'street-out-of-scope' || error.code === 'unknown-street') form.setFields([{ name: 'street', errors: [describeProblem(t, error).title] }]);
          else if (keyErrors.length > 0) form.setFields([{ name: 'businessKey', errors: keyErrors.map((m) => serverMessageText(t, m)) }]);
        },
      },
    );
  }

  const shownOnField = start.error && (['duplicate-business-key', 'street-out-of-scope', 'unknown-street'].includes(start.error.code) || businessKeyErrors(start.error.body).length > 0);
  const fieldError = start.error && !shownOnField ? start.error : null;

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('start.title')}
      </Typography.Title>
      {definitions.error && <ProblemAlert message={t('start.processesFailed')} error={definitions.error} />}
      <Card>
        <Form<StartValues> key={streets.join(',')} form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark>
          <Form.Item
            name="definitionKey"
            label={t('start.process')}
            rules={[{ required: true, whitespace: true, message: t('start.processRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={definitions.isPending}
              placeholder={t('start.processPlaceholder')}
              options={(definitions.data?.items ?? []).map((d) => ({ value: d.key, label: t('start.processOption', { name: d.name ?? d.key, key: d.key, version: d.version }) }))}
              notFoundContent={t('start.noProcesses')}
            />
          </Form.Item>
          <Form.Item label={t('start.businessKey')} required extra={t('start.businessKeyHelp', { max: BUSINESS_KEY_MAX, allowed: IDENTIFIER_SEPARATORS.join(' ') })}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="businessKey"
                noStyle
                rules={[
                  { required: true, whitespace: true, message: t('start.businessKeyRequired') },
                  {
                    validator: async (_, value: string | undefined) => {
                      const problem = value?.trim() ? businessKeyProblem(value.trim()) : null;
                      if (problem) throw new Error(t(problem.key, problem.params));
                    },
                  },
                ]}
              >
                <Input aria-label={t('start.businessKey')} maxLength={BUSINESS_KEY_MAX * 4} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('businessKey', suggestBusinessKey(new Date()))}>{t('start.businessKeyNew')}</Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="street" label={t('start.street')} rules={[{ required: !districtWide, message: t('start.streetRequired') }]}>
            <Select
              placeholder={districtWide ? t('start.streetOptional') : t('start.streetPlaceholder')}
              allowClear={districtWide}
              options={streets.map((id) => ({ value: id, label: streetName(id) }))}
            />
          </Form.Item>
          <Form.Item label={t('start.variables')}>
            <VariablePairsFields name="variables" />
          </Form.Item>
          {fieldError && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('start.failed')} description={problemLine(t, fieldError)} />
          )}
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t('start.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
