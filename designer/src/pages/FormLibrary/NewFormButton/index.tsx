// The 「新建表单」 button: asks for the form's id (what user tasks link to) and opens the editor on it.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { formPath } from '../../../routing/paths';

/** Form ids as user tasks reference them: letters, digits, `-`, `_`, `.`. */
export const FORM_ID_PATTERN = /^[A-Za-z][\w.-]{0,99}$/;

/** Opens a dialog for the new form's id; the editor saves the first version. */
export function NewFormButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ id: string }>();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('forms.new.button')}
      </Button>
      <Modal open={open} title={t('forms.new.title')} okText={t('forms.new.create')} cancelText={t('deploy.cancel')} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={({ id }) => navigate(formPath(id))}>
          <Form.Item name="id" label={t('forms.column.id')} extra={t('forms.new.idHelp')} rules={[{ required: true, pattern: FORM_ID_PATTERN, message: t('forms.new.idInvalid') }]}>
            <Input autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
