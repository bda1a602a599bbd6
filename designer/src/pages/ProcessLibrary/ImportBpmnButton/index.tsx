// The 「导入 BPMN」 button: reads a .bpmn file and opens the import dialog (lint, change note, saved as a draft; never
// deployed from here).
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { readProcessHeader } from '../../../bpmn/processHeader';
import { useT } from '../../../i18n/useT';
import type { LibraryRow } from '../libraryRows';
import { type ImportedFile, ImportDialog } from './ImportDialog';

/** Reads a chosen BPMN file; `rows` (the library's) tell what the file's process key already has. */
export function ImportBpmnButton({ rows }: { rows: readonly LibraryRow[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<ImportedFile | null>(null);

  async function readFile(chosen: File) {
    let xml: string;
    try {
      xml = await chosen.text();
    } catch {
      void message.error(t('import.readFailed', { file: chosen.name }));
      return;
    }
    const header = readProcessHeader(xml);
    if (!header) {
      void message.error(t('import.noProcess', { file: chosen.name }));
      return;
    }
    setFile({ fileName: chosen.name, xml, header });
  }

  return (
    <>
      <Upload
        accept=".bpmn,.xml"
        showUploadList={false}
        beforeUpload={(chosen) => {
          void readFile(chosen);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button>{t('import.button')}</Button>
      </Upload>
      {file && <ImportDialog file={file} existing={rows.find((row) => row.key === file.header.processId)} onClose={() => setFile(null)} />}
    </>
  );
}
