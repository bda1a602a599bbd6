// Start a case: pick a process the user may start, read what it is for, give the case its business key (and street when
// the user has several) and fill in its start form. Without a start form there is nothing else to type; operators (who
// design processes) may still give raw variables under 高级.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useMe } from '../../api/hooks/useMe.query';
import { useOrgUnits } from '../../api/hooks/useOrgUnits.query';
import { useStartableDefinitions } from '../../api/hooks/useStartableDefinitions.query';
import { useStartCase } from '../../api/hooks/useStartCase.mutation';
import { useStartInfo } from '../../api/hooks/useStartInfo.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AdvancedVariables } from '../../components/AdvancedVariables';
import { describeProblem, fieldLabel, problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { useScreenBelow } from '../../layout/useScreenBelow';
import { navigate, searchParam } from '../../routing/location';
import { casePath } from '../../routing/paths';
import { type VariablePair, variablesFromPairs } from '../../components/VariablePairsFields/variablePairs';
import { DESIGNERS, hasAnyRole } from '../../../../contracts/roles';
import { formJsMessage, serverMessageText } from '../Task/formMessages';
import { placeServerErrors } from '../Task/placeServerErrors';
import { problemFieldErrors, type ServerFieldError } from '../Task/serverFieldErrors';
import { LazyTaskForm } from '../Task/TaskForm/LazyTaskForm';
import { BUSINESS_KEY_MAX, IDENTIFIER_SEPARATORS } from '../../../../contracts/identifiers';
import { businessKeyProblem, suggestBusinessKey } from './businessKey';

/** What the page's own fields hold (the start form's data lives in form-js). */
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

/** The start page; `?process=<key>` preselects a process. Only the processes the user may start are offered. */
export function StartCasePage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const definitions = useStartableDefinitions();
  const streetUnits = useOrgUnits('street');
  const streetName = useStreetName();
  const start = useStartCase();
  const phone = useScreenBelow('md');
  const [form] = Form.useForm<StartValues>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const formJs = useRef<FormJs | null>(null);
  const [unplacedErrors, setUnplacedErrors] = useState<ServerFieldError[]>([]);
  // The start form's code loads on first use: 发起 waits for it.
  const [formReady, setFormReady] = useState(false);
  const chosenKey = Form.useWatch('definitionKey', form) ?? searchParam('process') ?? undefined;
  const info = useStartInfo(chosenKey);

  const operator = hasAnyRole(me?.roles ?? [], DESIGNERS);
  const districtWide = me?.streets.includes('*') ?? false;
  const streets = useMemo(() => (districtWide ? (streetUnits.data ?? []).map((unit) => unit.id) : (me?.streets ?? [])), [districtWide, streetUnits.data, me]);
  // A user of one street starts cases there without being asked.
  const chooseStreet = districtWide || streets.length !== 1;
  const initialValues = useMemo<StartValues>(
    () => ({ definitionKey: searchParam('process') ?? undefined, businessKey: suggestBusinessKey(new Date()), street: streets.length === 1 ? streets[0] : undefined, variables: [{ name: '', value: '' }] }),
    // Recomputed once the user's streets are known (the form is keyed by them, so it takes the new defaults).
    [streets],
  );
  const startInfo = info.data && info.data.key === chosenKey ? info.data : undefined;
  const schema = startInfo?.form?.schema as Record<string, unknown> | undefined;

  const translateFormJs = (text: string) => {
    const known = formJsMessage(text);
    return known ? t(known.key, known.params) : text;
  };

  /** The variables the case starts with: the start form's data, an operator's typed pairs, or none. */
  function startVariables(values: StartValues): Record<string, unknown> | null {
    if (startInfo?.formId) {
      if (!formJs.current) {
        void message.error(t('problem.startFormMissing'));
        return null;
      }
      const { data, errors } = formJs.current.submit();
      if (Object.keys(errors).length > 0) {
        void message.warning(t('task.formInvalid'));
        return null;
      }
      return data;
    }
    if (!operator) return {};
    const parsed = variablesFromPairs(values.variables ?? []);
    if ('error' in parsed) {
      form.setFields([{ name: ['variables', parsed.index, 'name'], errors: [t(parsed.error === 'duplicate-name' ? 'variables.duplicate' : 'variables.nameInvalid')] }]);
      return null;
    }
    return parsed.variables;
  }

  function onFinish(values: StartValues) {
    const variables = startVariables(values);
    if (!variables) return;
    setUnplacedErrors([]);
    start.mutate(
      { definitionKey: values.definitionKey?.trim() ?? '', businessKey: values.businessKey.trim(), street: chooseStreet ? (values.street ?? null) : streets[0], variables, idempotencyKey: idempotencyKey.current },
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
          else if (error.status === 422 && error.code === 'invalid-form-data' && startInfo?.formId) {
            const errors = problemFieldErrors(error.body).map((e) => ({ ...e, message: serverMessageText(t, e.message) }));
            setUnplacedErrors(placeServerErrors(formJs.current, errors));
          }
        },
      },
    );
  }

  const placedOnFields = start.error?.code === 'invalid-form-data' && Boolean(startInfo?.formId);
  const shownOnField = start.error && (placedOnFields || ['duplicate-business-key', 'street-out-of-scope', 'unknown-street'].includes(start.error.code) || businessKeyErrors(start.error.body).length > 0);
  const fieldError = start.error && !shownOnField ? start.error : null;
  const offered = definitions.data?.items ?? [];

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('start.title')}
      </Typography.Title>
      {definitions.error && <ProblemAlert message={t('start.processesFailed')} error={definitions.error} />}
      <Card size={phone ? 'small' : undefined}>
        <Form<StartValues> key={streets.join(',')} form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark>
          <Form.Item name="definitionKey" label={t('start.process')} rules={[{ required: true, whitespace: true, message: t('start.processRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={definitions.isPending}
              placeholder={t('start.processPlaceholder')}
              options={offered.map((d) => ({ value: d.key, label: operator ? t('start.processOption', { name: d.name ?? d.key, key: d.key, version: d.version }) : (d.name ?? d.key) }))}
              notFoundContent={t('start.noProcesses')}
            />
          </Form.Item>
          {info.error && chosenKey && <ProblemAlert message={t('start.infoFailed')} error={info.error} />}
          {chosenKey && info.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
          {startInfo && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="process-description"
              title={startInfo.name ?? startInfo.key}
              description={<span style={{ whiteSpace: 'pre-line' }}>{startInfo.documentation ?? t('start.noDescription')}</span>}
            />
          )}
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
          {chooseStreet && (
            <Form.Item name="street" label={t('start.street')} rules={[{ required: !districtWide, message: t('start.streetRequired') }]}>
              <Select
                placeholder={districtWide ? t('start.streetOptional') : t('start.streetPlaceholder')}
                allowClear={districtWide}
                options={streets.map((id) => ({ value: id, label: streetName(id) }))}
              />
            </Form.Item>
          )}
          {startInfo?.formId && !startInfo.form && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('problem.startFormMissing')} />}
          {schema && (
            <Card size="small" type="inner" title={startInfo?.form?.name ?? t('start.formTitle')} style={{ marginBottom: 16 }}>
              {unplacedErrors.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('task.serverInvalid')}
                  description={unplacedErrors.map((e) => t('problem.fieldLine', { field: fieldLabel(t, e.path), message: e.message })).join(t('problem.lineSeparator'))}
                />
              )}
              <LazyTaskForm
                schema={schema}
                schemaKey={`${startInfo?.form?.id}@${startInfo?.form?.version}`}
                data={{}}
                readOnly={false}
                label={t('start.formTitle')}
                translateMessage={translateFormJs}
                onForm={(instance) => {
                  formJs.current = instance;
                  setFormReady(Boolean(instance));
                }}
              />
            </Card>
          )}
          {operator && startInfo && !startInfo.formId && (
            <AdvancedVariables label={t('start.advanced')} help={t('start.advancedHelp')} style={{ marginBottom: 16 }} />
          )}
          {fieldError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('start.failed')} description={problemLine(t, fieldError)} />}
          <Button type="primary" htmlType="submit" size="large" loading={start.isPending} disabled={Boolean(startInfo?.formId && !startInfo.form) || (Boolean(schema) && !formReady)}>
            {t('start.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
