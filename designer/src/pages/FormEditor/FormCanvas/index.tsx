// The form-js editor host: lives in a ref, imports the schema in a layout effect, destroyed on unmount; in the UI language.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { useLayoutEffect, useRef } from 'react';
import { formEditorTranslationModules, formEditorTranslator, translateEditorChrome } from '../../../formjs/translate';
import { useLocale } from '../../../i18n/LocaleProvider';

/**
 * Edits `initialSchema`; `onEditor` receives the editor once the schema is imported (null when it is gone). A language
 * switch builds the editor again in the new language around the schema as edited so far.
 */
export function FormCanvas({ initialSchema, onEditor }: { initialSchema: Record<string, unknown>; onEditor: (editor: FormEditor | null) => void }) {
  const { locale } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const onEditorRef = useRef(onEditor);
  onEditorRef.current = onEditor;
  const schemaRef = useRef(initialSchema);

  useLayoutEffect(() => {
    if (!container.current) return;
    const stopTranslating = translateEditorChrome(container.current, formEditorTranslator(locale));
    const editor = new FormEditor({ container: container.current, additionalModules: formEditorTranslationModules(locale) });
    let alive = true;
    let imported = false;
    editor.importSchema(schemaRef.current).then(
      () => {
        imported = true;
        if (alive) onEditorRef.current(editor);
      },
      () => undefined,
    );
    return () => {
      if (imported) schemaRef.current = editor.saveSchema() as unknown as Record<string, unknown>;
      alive = false;
      stopTranslating();
      onEditorRef.current(null);
      editor.destroy();
    };
  }, [locale]);

  return <div ref={container} data-testid="form-editor" style={{ flex: 1, minHeight: 0, border: '1px solid #f0f0f0', background: '#fff', overflow: 'hidden' }} />;
}
