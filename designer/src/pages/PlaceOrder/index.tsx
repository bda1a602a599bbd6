// Placing an order from the service desk: the service's description and its start form, sent with a generated order
// number in the resident's street; the server's field errors are placed on the form. Then 我的工单 opens.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { Alert, App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useMe } from '../../api/hooks/useMe.query';
import { useStartableDefinitions } from '../../api/hooks/useStartableDefinitions.query';
import { useStartCase } from '../../api/hooks/useStartCase.mutation';
import { useStartInfo } from '../../api/hooks/useStartInfo.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProcessIcon } from '../../components/ProcessIcon';
import { fieldLabel, problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { myOrdersPath, serviceDeskPath } from '../../routing/paths';
import { suggestBusinessKey } from '../StartCase/businessKey';
import { formJsMessage, serverMessageText } from '../Task/formMessages';
import { placeServerErrors } from '../Task/placeServerErrors';
import { problemFieldErrors, type ServerFieldError } from '../Task/serverFieldErrors';
import { TaskForm } from '../Task/TaskForm';

/** The order page of process `params.key`. */
export function PlaceOrderPage({ params }: { params: { key?: string } }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const info = useStartInfo(params.key);
  const icon = useStartableDefinitions().data?.items.find((d) => d.key === params.key)?.icon ?? null;
  const start = useStartCase();
  const formJs = useRef<FormJs | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const schema = info.data?.form?.schema as Record<string, unknown> | undefined;
  const name = info.data?.name ?? t('serviceDesk.unnamed');
  const streets = me?.streets ?? [];

  const translateFormJs = (text: string) => {
    const known = formJsMessage(text);
    return known ? t(known.key, known.params) : text;
  };

  function submit() {
    if (!info.data) return;
    let variables: Record<string, unknown> = {};
    if (info.data.formId) {
      if (!formJs.current) return;
      const { data, errors } = formJs.current.submit();
      if (Object.keys(errors).length > 0) {
        void message.warning(t('task.formInvalid'));
        return;
      }
      variables = data;
    }
    setUnplaced([]);
    start.mutate(
      {
        definitionKey: info.data.key,
        businessKey: suggestBusinessKey(new Date(), Math.random, 'GD'),
        // residents belong to one street; a district-wide user's order has none
        street: streets.length === 1 && streets[0] !== '*' ? streets[0] : null,
        variables,
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: () => {
          idempotencyKey.current = newIdempotencyKey();
          void message.success(t('placeOrder.placed'));
          navigate(myOrdersPath());
        },
        onError: (error) => {
          if (error.status === 422 && error.code === 'invalid-form-data') {
            const errors = problemFieldErrors(error.body).map((e) => ({ ...e, message: serverMessageText(t, e.message) }));
            setUnplaced(placeServerErrors(formJs.current, errors));
          }
        },
      },
    );
  }

  const formError = start.error && !(start.error.code === 'invalid-form-data' && unplaced.length === 0) ? start.error : null;

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate(serviceDeskPath())}>
          {t('placeOrder.back')}
        </Button>
      </div>
      {info.error && <ProblemAlert message={t('placeOrder.infoFailed')} error={info.error} />}
      {info.isPending && <Skeleton active avatar paragraph={{ rows: 4 }} />}
      {info.data && (
        <>
          <Flex gap="middle" align="center">
            <ProcessIcon icon={icon} name={name} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {name}
            </Typography.Title>
          </Flex>
          {info.data.documentation && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-line' }} data-testid="process-description">
              {info.data.documentation}
            </Typography.Paragraph>
          )}
          {info.data.formId && !info.data.form && <Alert type="warning" showIcon title={t('problem.startFormMissing')} />}
          {schema && (
            <Card size="small">
              {unplaced.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('task.serverInvalid')}
                  description={unplaced.map((e) => t('problem.fieldLine', { field: fieldLabel(t, e.path), message: e.message })).join(t('problem.lineSeparator'))}
                />
              )}
              <TaskForm
                schema={schema}
                schemaKey={`${info.data.form?.id}@${info.data.form?.version}`}
                data={{}}
                readOnly={false}
                label={name}
                translateMessage={translateFormJs}
                onForm={(instance) => (formJs.current = instance)}
              />
            </Card>
          )}
          {formError && <Alert type="error" showIcon title={t('placeOrder.failed')} description={problemLine(t, formError)} />}
          <Button type="primary" size="large" block loading={start.isPending} disabled={Boolean(info.data.formId && !info.data.form)} onClick={submit}>
            {t('placeOrder.submit')}
          </Button>
        </>
      )}
    </Flex>
  );
}
