// The task page: the task's facts, its form (form-js, prefilled from the case's variables), claim/unclaim/complete, and
// the case's diagram and timeline.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Row, Skeleton, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useClaimTask } from '../../api/hooks/useClaimTask.mutation';
import { useCompleteTask } from '../../api/hooks/useCompleteTask.mutation';
import { useMe } from '../../api/hooks/useMe.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useTask } from '../../api/hooks/useTask.query';
import { useUnclaimTask } from '../../api/hooks/useUnclaimTask.mutation';
import type { ProblemError } from '../../api/problem';
import { hasAnyRole, STREET_WATCHERS, TASK_WORKERS } from '../../../../contracts/roles';
import type { CompletedTask } from '../../api/tasks';
import { CaseProgress } from '../../components/CaseProgress';
import { useNow } from '../../components/DueTag/useNow';
import { ProblemAlert } from '../../components/ProblemAlert';
import { VariablePairsFields } from '../../components/VariablePairsFields';
import { fieldLabel, problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { casePath, type RouteParams, taskListPath } from '../../routing/paths';
import { type VariablePair, variablesFromPairs } from '../../components/VariablePairsFields/variablePairs';
import { formJsMessage, serverMessageText } from './formMessages';
import { problemFieldErrors, type ServerFieldError, serverFieldErrors, type FieldInstance } from './serverFieldErrors';
import { TaskForm } from './TaskForm';
import { TaskHeader } from './TaskHeader';
import { TASK_TOAST } from './taskToast';

/** Task `params.id`: work on it when it is yours, claim it when it is your group's, read it otherwise. */
export function TaskPage({ params }: { params: RouteParams }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const task = useTask(params.id);
  const claim = useClaimTask();
  const unclaim = useUnclaimTask();
  const complete = useCompleteTask();
  const now = useNow();
  const streetName = useStreetName();
  const formRef = useRef<FormJs | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [unplacedErrors, setUnplacedErrors] = useState<ServerFieldError[]>([]);
  const [completed, setCompleted] = useState<CompletedTask | null>(null);
  const [pairsForm] = Form.useForm<{ variables: VariablePair[] }>();

  if (task.error) {
    return (
      <Flex vertical gap="middle">
        <ProblemAlert message={t('task.loadFailed')} error={task.error} />
        <div>
          <Button onClick={() => navigate(taskListPath())}>{t('task.back')}</Button>
        </div>
      </Flex>
    );
  }
  if (!task.data || !me) return <Skeleton active />;

  const detail = task.data;
  const open = detail.status === 'open' || detail.status === 'claimed';
  const mine = detail.assignee === me.username;
  const worker = hasAnyRole(me.roles, TASK_WORKERS);
  const mayClaim = open && worker && !detail.assignee;
  const mayUnclaim = open && Boolean(detail.assignee) && (mine || hasAnyRole(me.roles, STREET_WATCHERS));
  const mayComplete = open && mine && !completed;

  function failed(key: 'task.claimFailed' | 'task.unclaimFailed' | 'task.completeFailed', error: ProblemError) {
    void message.error({ content: t(key, { title: problemLine(t, error) }), key: TASK_TOAST });
  }

  const translateFormJs = (text: string) => {
    const known = formJsMessage(text);
    return known ? t(known.key, known.params) : text;
  };

  function showServerErrors(error: ProblemError) {
    const errors = problemFieldErrors(error.body).map((e) => ({ ...e, message: serverMessageText(t, e.message) }));
    const form = formRef.current;
    if (!form || errors.length === 0) {
      setUnplacedErrors(errors);
      return;
    }
    const instances = form.get<{ getAllKeyed(): FieldInstance[] }>('formFieldInstanceRegistry').getAllKeyed();
    const { fieldErrors, unmatched } = serverFieldErrors(errors, instances);
    // form-js has no public setter for errors; `_setState` is how its own validation shows them on the fields.
    form._setState({ errors: fieldErrors });
    setUnplacedErrors(unmatched);
  }

  function submit(variables: Record<string, unknown>) {
    setUnplacedErrors([]);
    complete.mutate(
      { id: detail.id, variables, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (result) => {
          idempotencyKey.current = newIdempotencyKey();
          setCompleted(result);
          formRef.current?.setProperty('readOnly', true);
          message.destroy(TASK_TOAST);
        },
        onError: (error) => {
          if (error.status === 422 && error.code === 'invalid-form-data') {
            showServerErrors(error);
            void message.error({ content: t('task.serverInvalid'), key: TASK_TOAST });
          } else failed('task.completeFailed', error);
        },
      },
    );
  }

  function completeWithForm() {
    const form = formRef.current;
    if (!form) return;
    const { data, errors } = form.submit();
    if (Object.keys(errors).length > 0) {
      void message.warning({ content: t('task.formInvalid'), key: TASK_TOAST });
      return;
    }
    submit(data);
  }

  async function completeWithPairs() {
    const { variables: pairs = [] } = await pairsForm.validateFields();
    const parsed = variablesFromPairs(pairs);
    if ('error' in parsed) {
      void message.error({ content: t(parsed.error === 'duplicate-name' ? 'variables.duplicate' : 'variables.nameInvalid'), key: TASK_TOAST });
      return;
    }
    submit(parsed.variables);
  }

  function claimTask() {
    claim.mutate(detail.id, {
      onSuccess: () => void message.success({ content: t('task.claimedOk'), key: TASK_TOAST }),
      onError: (error) => failed('task.claimFailed', error),
    });
  }

  function unclaimTask() {
    unclaim.mutate(detail.id, {
      onSuccess: () => void message.success({ content: t('task.unclaimedOk'), key: TASK_TOAST }),
      onError: (error) => failed('task.unclaimFailed', error),
    });
  }

  const schema = detail.form?.schema as Record<string, unknown> | undefined;
  const actions = (
    <Space wrap>
      {mayClaim && (
        <Button type="primary" loading={claim.isPending} onClick={claimTask}>
          {t('task.claim')}
        </Button>
      )}
      {mayUnclaim && !completed && (
        <Button loading={unclaim.isPending} onClick={unclaimTask}>
          {t('task.unclaim')}
        </Button>
      )}
    </Space>
  );

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space align="center" wrap>
          <Button onClick={() => navigate(taskListPath())}>{t('task.back')}</Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {detail.name ?? detail.elementId}
          </Typography.Title>
        </Space>
        {actions}
      </Flex>
      <Card size="small">
        <TaskHeader task={detail} username={me.username} now={now} streetName={streetName} />
      </Card>
      {completed && (
        <Alert
          type="success"
          showIcon
          data-testid="task-completed"
          title={completed.case.status === 'completed' ? t('task.completedCaseDone') : t('task.completedOk')}
          action={<Button onClick={() => navigate(casePath(detail.instanceId))}>{t('task.viewCase')}</Button>}
        />
      )}
      {open && !mine && !completed && worker && <Alert type="info" showIcon title={detail.assignee ? t('task.heldBy', { assignee: detail.assignee }) : t('task.claimFirst')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={detail.form ? t('task.form', { name: detail.form.name ?? detail.form.id }) : t('task.formNone')}>
            {unplacedErrors.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('task.serverInvalid')} description={unplacedErrors.map((e) => t('problem.fieldLine', { field: fieldLabel(t, e.path), message: e.message })).join(t('problem.lineSeparator'))} />
            )}
            {schema ? (
              <TaskForm
                schema={schema}
                schemaKey={`${detail.form?.id}@${detail.form?.version}`}
                data={detail.variables ?? {}}
                readOnly={!mayComplete}
                label={t('task.formLabel')}
                translateMessage={translateFormJs}
                onForm={(form) => (formRef.current = form)}
              />
            ) : mayComplete ? (
              <Form form={pairsForm} layout="vertical" initialValues={{ variables: [] }}>
                <Typography.Paragraph type="secondary">{t('task.formNoneHelp')}</Typography.Paragraph>
                <VariablePairsFields name="variables" />
              </Form>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.formNone')} />
            )}
            {mayComplete && (
              <Flex justify="end" style={{ marginTop: 12 }}>
                <Button type="primary" loading={complete.isPending} onClick={() => (schema ? completeWithForm() : void completeWithPairs())}>
                  {t('task.complete')}
                </Button>
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <CaseProgress instanceId={detail.instanceId} elementId={detail.elementId} layout="stacked" diagramHeight={230} />
        </Col>
      </Row>
    </Flex>
  );
}
