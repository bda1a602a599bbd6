// The form editor's preview (what its empty state promises): the form as edited so far in the task page's viewer, to
// fill in and try; 试提交 validates it there and shows the data a task would send. Nothing is saved.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { Alert, Button, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { formJsMessage } from '../../Task/formMessages';
import { TaskForm } from '../../Task/TaskForm';

/** What trying the form gave: its data, or how many fields are not valid yet. */
type Tried = { ok: true; data: Record<string, unknown> } | { ok: false; invalid: number };

/** Shows `schema` (null: closed) to fill in; `onClose` ends the preview. */
export function FormPreview({ schema, onClose }: { schema: Record<string, unknown> | null; onClose: () => void }) {
  const t = useT();
  const form = useRef<FormJs | null>(null);
  const [tried, setTried] = useState<Tried | null>(null);
  const translateMessage = (text: string) => {
    const known = formJsMessage(text);
    return known ? t(known.key, known.params) : text;
  };

  function tryForm() {
    const result = form.current?.submit();
    if (!result) return;
    const invalid = Object.keys(result.errors).length;
    setTried(invalid > 0 ? { ok: false, invalid } : { ok: true, data: result.data as Record<string, unknown> });
  }

  return (
    <Modal
      open={schema !== null}
      title={t('forms.preview.title')}
      width={720}
      onCancel={onClose}
      afterClose={() => setTried(null)}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('forms.preview.close')}
        </Button>,
        <Button key="try" type="primary" onClick={tryForm}>
          {t('forms.preview.try')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('forms.preview.help')}</Typography.Paragraph>
      {schema && (
        <TaskForm
          schema={schema}
          schemaKey={JSON.stringify(schema)}
          data={{}}
          readOnly={false}
          label={t('forms.preview.title')}
          translateMessage={translateMessage}
          onForm={(created) => {
            form.current = created;
          }}
        />
      )}
      {tried?.ok === false && <Alert type="warning" showIcon title={t('forms.preview.invalid', { count: tried.invalid })} />}
      {tried?.ok && (
        <Alert
          type="success"
          showIcon
          title={t('forms.preview.valid')}
          description={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(tried.data, null, 2)}</pre>}
        />
      )}
    </Modal>
  );
}
