// The task's form: a form-js Viewer in a ref, imported in a layout effect with the case's variables, destroyed on unmount;
// the viewer's own English (Select, date and time formats) is shown in the UI language.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './taskForm.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { useLayoutEffect, useRef } from 'react';
import { formViewerTranslator, translateViewerChrome } from '../../../formjs/translate/viewerChrome';
import { useLocale } from '../../../i18n/LocaleProvider';
import { localizedValidationModule } from './localizedValidation';

/**
 * Shows `schema` filled with `data`; `onForm` receives the form once imported (null when it is gone). The form is
 * imported again only when `schemaKey` (form id and version) changes, so a refetch never wipes what the user typed.
 */
export function TaskForm({
  schema,
  schemaKey,
  data,
  readOnly,
  label,
  translateMessage,
  onForm,
}: {
  schema: Record<string, unknown>;
  schemaKey: string;
  data: Record<string, unknown>;
  readOnly: boolean;
  label: string;
  /** Turns one of form-js's (English) validation messages into the user's language. */
  translateMessage: (message: string) => string;
  onForm: (form: Form | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const onFormRef = useRef(onForm);
  onFormRef.current = onForm;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const dataRef = useRef(data);
  dataRef.current = data;
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const translateRef = useRef(translateMessage);
  translateRef.current = translateMessage;
  const { locale } = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;

  useLayoutEffect(() => {
    if (!container.current) return;
    const options = {
      container: container.current,
      properties: { readOnly: readOnlyRef.current },
      // Every keystroke reaches the form's data at once: with form-js's 300 ms debounce, a re-render inside that window
      // (another field committing) writes the field's old value back into its input and the typed text is lost.
      // form-js reads `debounce` from its config (useFlushDebounce); its FormOptions type does not name it.
      debounce: false,
      additionalModules: [localizedValidationModule((message) => translateRef.current(message))],
    };
    const form = new Form(options);
    formRef.current = form;
    const stopTranslating = translateViewerChrome(container.current, (text) => formViewerTranslator(localeRef.current)(text));
    let alive = true;
    form.importSchema(schemaRef.current, dataRef.current).then(
      () => alive && onFormRef.current(form),
      () => undefined,
    );
    return () => {
      alive = false;
      stopTranslating();
      formRef.current = null;
      onFormRef.current(null);
      form.destroy();
    };
  }, [schemaKey]);

  useLayoutEffect(() => {
    formRef.current?.setProperty('readOnly', readOnly);
  }, [readOnly]);

  return <div ref={container} role="form" aria-label={label} data-testid="task-form" className="sparrow-task-form" />;
}
