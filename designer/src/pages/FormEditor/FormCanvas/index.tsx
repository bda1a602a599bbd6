// The form-js editor host: lives in a ref, imports the schema in a layout effect, destroyed on unmount.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import { FormEditor } from '@bpmn-io/form-js';
import { useLayoutEffect, useRef } from 'react';

/** Edits `initialSchema`; `onEditor` receives the editor once the schema is imported (null when it is gone). */
export function FormCanvas({ initialSchema, onEditor }: { initialSchema: Record<string, unknown>; onEditor: (editor: FormEditor | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const onEditorRef = useRef(onEditor);
  onEditorRef.current = onEditor;
  const schemaRef = useRef(initialSchema);

  useLayoutEffect(() => {
    if (!container.current) return;
    const editor = new FormEditor({ container: container.current });
    let alive = true;
    editor.importSchema(schemaRef.current).then(
      () => alive && onEditorRef.current(editor),
      () => undefined,
    );
    return () => {
      alive = false;
      onEditorRef.current(null);
      editor.destroy();
    };
  }, []);

  return <div ref={container} data-testid="form-editor" style={{ flex: 1, minHeight: 0, border: '1px solid #f0f0f0', background: '#fff', overflow: 'hidden' }} />;
}
