// The deploy dialog: a change note (filled in from an imported draft's note), then deploy.
import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT';

/** Asks for an optional change note, starting from `initialNote`; `onDeploy(note)` runs on confirm. */
export function DeployDialog({ open, deploying, initialNote, onDeploy, onClose }: { open: boolean; deploying: boolean; initialNote?: string | null; onDeploy: (note: string) => void; onClose: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (open) setNote(initialNote ?? '');
  }, [open, initialNote]);
  return (
    <Modal
      open={open}
      title={t('deploy.title')}
      okText={t('deploy.confirm')}
      cancelText={t('deploy.cancel')}
      confirmLoading={deploying}
      onOk={() => onDeploy(note.trim())}
      onCancel={onClose}
      afterClose={() => setNote('')}
    >
      <Form layout="vertical">
        <Form.Item label={t('deploy.note')} extra={initialNote ? `${t('deploy.noteHelp')} ${t('deploy.noteFromImport')}` : t('deploy.noteHelp')}>
          <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={4} showCount aria-label={t('deploy.note')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
