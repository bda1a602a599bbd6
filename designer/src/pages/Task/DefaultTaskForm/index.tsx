// The form of a task without a form-js form: a comment (sent as `taskComment`) and, for operators, typed variables
// under 高级. Loaded on demand (lazy.ts): a task page with a form-js form does not load antd's form and inputs.
import { Form, type FormInstance, Input } from 'antd';
import { useEffect } from 'react';
import { AdvancedVariables } from '../../../components/AdvancedVariables';
import type { VariablePair } from '../../../components/VariablePairsFields/variablePairs';
import { useT } from '../../../i18n/useT';

/** What the default form holds. */
export interface DefaultFormValues {
  comment?: string;
  variables: VariablePair[];
}

/** The comment box (and 高级 for an `operator`); `onForm` gets the antd form to validate and read on 完成任务. */
export function DefaultTaskForm({ operator, onForm }: { operator: boolean; onForm: (form: FormInstance<DefaultFormValues>) => void }) {
  const t = useT();
  const [form] = Form.useForm<DefaultFormValues>();
  useEffect(() => onForm(form), [form, onForm]);
  return (
    <Form form={form} layout="vertical" initialValues={{ variables: [] }}>
      <Form.Item name="comment" label={t('task.comment')} extra={t('task.commentHelp')} style={{ marginBottom: operator ? 12 : 0 }}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('task.commentPlaceholder')} />
      </Form.Item>
      {operator && <AdvancedVariables label={t('task.advanced')} help={t('task.formNoneHelp')} />}
    </Form>
  );
}
