// 修改变量: street commanders and admins set variables of a running case — on the whole case or on one active step —
// with a reason (recorded in the audit trail); a step stopped by an incident then runs again with the new data.
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { hasAnyRole, VARIABLE_EDITORS } from '../../../../../contracts/roles';
import type { CaseView } from '../../../api/instances';
import { useMe } from '../../../api/hooks/useMe.query';
import { useSetVariables } from '../../../api/hooks/useSetVariables.mutation';
import { useVersion } from '../../../api/hooks/useVersion.query';
import { nodeInfoOf } from '../../../components/CaseTimeline/timelineEntries';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { VariablePairsFields } from '../../../components/VariablePairsFields';
import { type VariablePair, variablesFromPairs } from '../../../components/VariablePairsFields/variablePairs';
import { useT } from '../../../i18n/useT';

/** The longest reason the server takes. */
export const REASON_MAX = 2000;
const CASE_SCOPE = '';

interface FormValues {
  scope: string;
  variables: VariablePair[];
  reason: string;
}

/** The 修改变量 button of a running case, for those who may; it opens the form. */
export function SetVariables({ view }: { view: CaseView }) {
  const t = useT();
  const roles = useMe().data?.roles ?? [];
  const [open, setOpen] = useState(false);
  if (!hasAnyRole(roles, VARIABLE_EDITORS)) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('setVariables.open')}</Button>
      {open && <SetVariablesModal view={view} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The form: where (the case, or an active step by its name), which variables with which values, and why. */
function SetVariablesModal({ view, onClose }: { view: CaseView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [rowProblem, setRowProblem] = useState<string | null>(null);
  const change = useSetVariables(view.id);
  const nodes = nodeInfoOf(useVersion(view.definitionKey, view.definitionVersion).data?.model);
  const scopes = [
    { value: CASE_SCOPE, label: t('setVariables.scope.case') },
    ...view.state.activeElements.map((a) => ({ value: a.tokenId, label: t('setVariables.scope.step', { name: nodes[a.elementId]?.name?.trim() || t('setVariables.scope.unnamed') }) })),
  ];

  function onFinish(values: FormValues) {
    const read = variablesFromPairs(values.variables ?? []);
    if ('error' in read) return setRowProblem(t(read.error === 'duplicate-name' ? 'variables.duplicate' : 'variables.nameInvalid'));
    if (Object.keys(read.variables).length === 0) return setRowProblem(t('setVariables.required'));
    setRowProblem(null);
    change.mutate(
      { variables: read.variables, reason: values.reason.trim(), ...(values.scope === CASE_SCOPE ? {} : { scope: values.scope }) },
      {
        onSuccess: () => {
          void message.success(t('setVariables.done'));
          onClose();
        },
      },
    );
  }

  return (
    <Modal open title={t('setVariables.title')} okText={t('setVariables.save')} cancelText={t('deploy.cancel')} confirmLoading={change.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('setVariables.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} initialValues={{ scope: CASE_SCOPE, variables: [{ name: '', value: '' }] }}>
        <Form.Item name="scope" label={t('setVariables.scope')}>
          <Select options={scopes} aria-label={t('setVariables.scope')} />
        </Form.Item>
        <Form.Item label={t('setVariables.variables')}>
          <VariablePairsFields name="variables" />
          {rowProblem && <Typography.Text type="danger">{rowProblem}</Typography.Text>}
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('setVariables.reason')}
          rules={[
            { required: true, whitespace: true, message: t('setVariables.reason.required') },
            { max: REASON_MAX, message: t('setVariables.reason.tooLong', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
      {change.error && <ProblemAlert message={t('setVariables.failed')} error={change.error} />}
    </Modal>
  );
}
