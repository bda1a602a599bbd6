// The import dialog: what the chosen file holds (process name and key, what it replaces), its lint findings, and a change
// note; it saves the file as the process's draft and opens the modeler. Nothing is deployed here.
import { Alert, Descriptions, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSaveDraft } from '../../../api/hooks/useSaveDraft.mutation';
import type { XmlFinding } from '../../../bpmn/lint/lintBpmn';
import type { ProcessHeader } from '../../../bpmn/processHeader';
import { bpmnTranslator } from '../../../bpmn/translate';
import { problemLine } from '../../../i18n/describeProblem';
import { useLocale } from '../../../i18n/LocaleProvider';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { modelerPath } from '../../../routing/paths';
import type { LibraryRow } from '../libraryRows';

/** A file read for import. */
export interface ImportedFile {
  fileName: string;
  xml: string;
  header: ProcessHeader;
}

/** What linting the file gave: findings, or that it is not BPMN XML. */
type LintState = { state: 'running' } | { state: 'done'; findings: XmlFinding[] } | { state: 'failed'; detail: string };

/** Lints `xml` with the modeler's rules (the lint code is loaded only when a file is imported). */
function useLint(xml: string): LintState {
  const [lint, setLint] = useState<LintState>({ state: 'running' });
  useEffect(() => {
    let current = true;
    setLint({ state: 'running' });
    import('../../../bpmn/lint/lintBpmn')
      .then(({ lintBpmn }) => lintBpmn(xml))
      .then(
        (findings) => current && setLint({ state: 'done', findings }),
        (error: Error) => current && setLint({ state: 'failed', detail: error.message }),
      );
    return () => {
      current = false;
    };
  }, [xml]);
  return lint;
}

/** The file's findings, errors first, each naming its element. */
function Findings({ findings }: { findings: XmlFinding[] }) {
  const t = useT();
  const { locale } = useLocale();
  const translate = useMemo(() => bpmnTranslator(locale), [locale]);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return (
    <section aria-label={t('lint.title')}>
      <Flex gap="small" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('lint.title')}</Typography.Text>
        <Tag color={errors ? 'error' : 'success'}>{t('lint.errors', { count: errors })}</Tag>
        <Tag color={findings.length - errors ? 'warning' : 'default'}>{t('lint.warnings', { count: findings.length - errors })}</Tag>
      </Flex>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t('lint.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 180, overflowY: 'auto' }}>
          {findings.map((finding, index) => (
            <li key={index} style={{ display: 'flex', gap: 8, alignItems: 'baseline', padding: '2px 0' }}>
              <Tag color={finding.severity === 'error' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                {t(finding.severity === 'error' ? 'lint.error' : 'lint.warning')}
              </Tag>
              <Typography.Text strong>{finding.elementName ?? finding.elementId ?? t('lint.diagram')}</Typography.Text>
              <Typography.Text>{translate(finding.message)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {errors > 0 && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('import.errorsLater')}</Typography.Paragraph>}
    </section>
  );
}

/** Shows `file` for import over `existing` (the library's row of its key, if any); saving makes it the draft and opens the modeler. */
export function ImportDialog({ file, existing, onClose }: { file: ImportedFile; existing: LibraryRow | undefined; onClose: () => void }) {
  const t = useT();
  const lint = useLint(file.xml);
  const save = useSaveDraft();
  const [note, setNote] = useState('');
  const { processId, name } = file.header;
  const replaces =
    existing?.status === 'changed' || existing?.status === 'draft'
      ? { type: 'warning' as const, text: t('import.replacesDraft', { who: existing.draftSavedBy ?? '' }) }
      : existing?.version
        ? { type: 'info' as const, text: t('import.newDraftOf', { version: existing.version }) }
        : { type: 'info' as const, text: t('import.newProcess') };

  function saveDraft() {
    save.mutate(
      { key: processId, xml: file.xml, baseVersion: existing?.version ?? null, note: note.trim() },
      { onSuccess: () => navigate(modelerPath(processId)) },
    );
  }

  return (
    <Modal
      open
      title={t('import.title')}
      okText={t('import.save')}
      cancelText={t('deploy.cancel')}
      okButtonProps={{ disabled: lint.state !== 'done' || note.trim() === '' }}
      confirmLoading={save.isPending}
      onOk={saveDraft}
      onCancel={onClose}
      width={640}
    >
      <Flex vertical gap="middle">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('library.column.name')}>{name || t('modeler.untitled')}</Descriptions.Item>
          <Descriptions.Item label={t('library.column.key')}>
            <Typography.Text code>{processId}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('import.file')}>{file.fileName}</Descriptions.Item>
        </Descriptions>
        <Alert type={replaces.type} showIcon title={replaces.text} description={t('import.notDeployed')} />
        {lint.state === 'running' && <Spin />}
        {lint.state === 'failed' && <Alert type="error" showIcon title={t('import.notBpmn')} description={lint.detail} />}
        {lint.state === 'done' && <Findings findings={lint.findings} />}
        {save.error && <Alert type="error" showIcon title={t('import.failed', { title: problemLine(t, save.error) })} />}
        <Form layout="vertical">
          <Form.Item label={t('import.note')} extra={t('import.noteHelp')} required>
            <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={3} showCount aria-label={t('import.note')} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
