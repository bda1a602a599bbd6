// The form editor page: build a user task's form with form-js, try it in the preview, and save it as the form's next
// version.
import { type FormEditor } from '@bpmn-io/form-js-editor';
import { Alert, App, Button, Flex, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from '../../api/hooks/useForm.query';
import { useSaveForm } from '../../api/hooks/useSaveForm.mutation';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeProblem } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import type { RouteParams } from '../../routing/paths';
import { FormCanvas } from './FormCanvas';
import { FormPreview } from './FormPreview';

/** An empty form-js schema for a new form `id`. */
function emptySchema(id: string): Record<string, unknown> {
  return { type: 'default', id, components: [], schemaVersion: 18 };
}

/** Edits form `params.id` (a new one when never saved). */
export function FormEditorPage({ params }: { params: RouteParams }) {
  const t = useT();
  const { message } = App.useApp();
  const id = params.id;
  const form = useForm(id);
  const save = useSaveForm();
  const [editor, setEditor] = useState<FormEditor | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<Record<string, unknown> | null>(null);
  const errors = (save.error?.body.errors as Array<{ path: string; message: string }> | undefined) ?? [];

  if (form.error) return <ProblemAlert message={t('forms.loadFailed')} error={form.error} />;
  if (form.isPending) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  const current = form.data;
  const shownName = name ?? current?.name ?? '';

  function onSave() {
    if (!editor) return;
    save.mutate(
      { id, schema: editor.saveSchema() as unknown as Record<string, unknown>, name: shownName.trim() || null },
      {
        onSuccess: (saved) => void message.success(t('forms.saved', { id: saved.id, version: saved.version })),
        onError: (error) => void message.error(t('forms.saveFailed', { title: describeProblem(t, error).title })),
      },
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 64px - 32px)', minHeight: 480, gap: 8 }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('forms.editorTitle')}
          </Typography.Title>
          <Typography.Text code>{id}</Typography.Text>
          {current ? <Tag color="blue">{t('library.version', { version: current.version })}</Tag> : <Tag>{t('forms.new.tag')}</Tag>}
          <Input aria-label={t('forms.column.name')} placeholder={t('forms.column.name')} value={shownName} onChange={(event) => setName(event.target.value)} style={{ width: 220 }} maxLength={200} />
        </Space>
        <Space>
          <Button onClick={() => navigate('/forms')}>{t('forms.back')}</Button>
          <Button onClick={() => editor && setPreviewed(editor.saveSchema() as unknown as Record<string, unknown>)} disabled={!editor}>
            {t('forms.preview.open')}
          </Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} disabled={!editor}>
            {t('forms.save')}
          </Button>
        </Space>
      </Flex>
      {errors.length > 0 && <Alert type="error" showIcon title={t('forms.invalid')} description={errors.map((error) => `${error.path}: ${error.message}`).join('; ')} />}
      <FormCanvas initialSchema={(current?.schema as Record<string, unknown> | undefined) ?? emptySchema(id)} onEditor={setEditor} />
      <FormPreview schema={previewed} onClose={() => setPreviewed(null)} />
    </div>
  );
}
