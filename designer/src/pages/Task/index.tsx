// The task page: the task's facts, what its element's documentation asks of the people doing it, its form (form-js,
// prefilled from the case's variables; without a form, a comment box) under an action bar that never moves,
// claim/unclaim/complete, and the case's diagram (hidden at first on a phone) and timeline.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { Alert, App, Button, Card, Empty, Flex, type FormInstance, Skeleton, Space, theme, Typography } from 'antd';
import { useCallback, useDeferredValue, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useClaimTask } from '../../api/hooks/useClaimTask.mutation';
import { useDisplayName } from '../../api/hooks/useDisplayName';
import { useCompleteTask } from '../../api/hooks/useCompleteTask.mutation';
import { useMe } from '../../api/hooks/useMe.query';
import { useTask } from '../../api/hooks/useTask.query';
import { useUnclaimTask } from '../../api/hooks/useUnclaimTask.mutation';
import type { ProblemError } from '../../api/problem';
import { DESIGNERS, hasAnyRole, STREET_WATCHERS, TASK_WORKERS } from '../../../../contracts/roles';
import type { CompletedTask } from '../../api/tasks';
import { LazyCaseProgress } from '../../components/CaseProgress/lazy';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldLabel, problemLine } from '../../i18n/describeProblem';
import { plainKindKey } from '../../i18n/plainKindKey';
import { useT } from '../../i18n/useT';
import { TwoColumns } from '../../layout/TwoColumns';
import { useScreenBelow } from '../../layout/useScreenBelow';
import { navigate } from '../../routing/location';
import { casePath, type RouteParams, taskListPath } from '../../routing/paths';
import { variablesFromPairs } from '../../components/VariablePairsFields/variablePairs';
import type { DefaultFormValues } from './DefaultTaskForm';
import { LazyDefaultTaskForm } from './DefaultTaskForm/lazy';
import { formJsMessage, serverMessageText } from './formMessages';
import { placeServerErrors } from './placeServerErrors';
import { problemFieldErrors, type ServerFieldError } from './serverFieldErrors';
import { withComment } from './taskComment';
import { LazyTaskForm } from './TaskForm/LazyTaskForm';
import { TaskHeader } from './TaskHeader';
import { TASK_TOAST } from './taskToast';

/** Task `params.id`: work on it when it is yours, claim it when it is your group's, read it otherwise. */
export function TaskPage({ params }: { params: RouteParams }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  // The task's answer renders as a deferred update, in slices between frames: a query's answer is otherwise rendered
  // at once, the whole page in one long task.
  const task = useDeferredValue(useTask(params.id));
  const personName = useDisplayName([task.data?.assignee]);
  const claim = useClaimTask();
  const unclaim = useUnclaimTask();
  const complete = useCompleteTask();
  const formRef = useRef<FormJs | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [unplacedErrors, setUnplacedErrors] = useState<ServerFieldError[]>([]);
  const [completed, setCompleted] = useState<CompletedTask | null>(null);
  // The form's code loads on first use: 完成任务 waits for it.
  const [formReady, setFormReady] = useState(false);
  // Without a form-js form: the comment box's antd form, once its code is loaded.
  const [defaultForm, setDefaultForm] = useState<FormInstance<DefaultFormValues> | null>(null);
  const onDefaultForm = useCallback((form: FormInstance<DefaultFormValues>) => setDefaultForm(form), []);
  const { token } = theme.useToken();
  const phone = useScreenBelow('md');

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
  const operator = hasAnyRole(me.roles, DESIGNERS);
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
    setUnplacedErrors(placeServerErrors(formRef.current, errors));
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

  /** A task without a form: the comment (as `taskComment`) and, for operators, the typed variables under 高级. */
  async function completeWithDefault() {
    if (!defaultForm) return;
    const { comment, variables: pairs = [] } = await defaultForm.validateFields();
    const parsed = variablesFromPairs(operator ? pairs : []);
    if ('error' in parsed) {
      void message.error({ content: t(parsed.error === 'duplicate-name' ? 'variables.duplicate' : 'variables.nameInvalid'), key: TASK_TOAST });
      return;
    }
    submit(withComment(parsed.variables, comment));
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
            {detail.name ?? t(plainKindKey('userTask'))}
          </Typography.Title>
        </Space>
        {actions}
      </Flex>
      <Card size="small">
        <TaskHeader task={detail} username={me.username} />
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
      {open && !mine && !completed && worker && <Alert type="info" showIcon title={detail.assignee ? t('task.heldBy', { assignee: personName(detail.assignee) }) : t('task.claimFirst')} />}
      <TwoColumns
        ratio={[10, 14]}
        first={
          <Flex vertical gap="middle">
            {detail.documentation && (
              <Alert
                type="info"
                showIcon
                data-testid="task-documentation"
                title={t('task.guidance')}
                description={<span style={{ whiteSpace: 'pre-line' }}>{detail.documentation}</span>}
              />
            )}
            <Card
              size="small"
              title={detail.form ? t('task.form', { name: detail.form.name ?? detail.form.id }) : mayComplete ? t('task.defaultForm') : t('task.formNone')}
              styles={{ body: { paddingTop: 0 } }}
            >
              {/* The action bar sits above the form and sticks to the top while scrolling: field errors that appear or
                  clear below it (form-js validates on blur) never move the button under the pointer. */}
              {mayComplete && (
                <Flex justify="end" className="sparrow-task-actions" style={{ position: 'sticky', top: 0, zIndex: 2, padding: '12px 0', background: token.colorBgContainer }}>
                  <Button type="primary" loading={complete.isPending} disabled={schema ? !formReady : !defaultForm} onClick={() => (schema ? completeWithForm() : void completeWithDefault())}>
                    {t('task.complete')}
                  </Button>
                </Flex>
              )}
              {!mayComplete && <div style={{ height: 12 }} />}
              {unplacedErrors.length > 0 && (
                <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('task.serverInvalid')} description={unplacedErrors.map((e) => t('problem.fieldLine', { field: fieldLabel(t, e.path), message: e.message })).join(t('problem.lineSeparator'))} />
              )}
              {schema ? (
                <LazyTaskForm
                  schema={schema}
                  schemaKey={`${detail.form?.id}@${detail.form?.version}`}
                  data={detail.variables ?? {}}
                  readOnly={!mayComplete}
                  label={t('task.formLabel')}
                  translateMessage={translateFormJs}
                  onForm={(form) => {
                    formRef.current = form;
                    setFormReady(Boolean(form));
                  }}
                />
              ) : mayComplete ? (
                <LazyDefaultTaskForm operator={operator} onForm={onDefaultForm} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.formNone')} />
              )}
            </Card>
          </Flex>
        }
        second={<LazyCaseProgress instanceId={detail.instanceId} elementId={detail.elementId} layout="stacked" diagramHeight={230} diagramToggle={phone ? 'hidden' : 'shown'} />}
      />
    </Flex>
  );
}
