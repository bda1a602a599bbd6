// The properties-panel entry that picks a user task's linked form (formId) from the saved forms.
import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type FormCatalog from './FormCatalog';

interface ModdleLike {
  get(name: string): unknown;
  $type: string;
}

interface ElementLike {
  businessObject: ModdleLike;
}

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** The element's zeebe:FormDefinition (the panel's form-type select creates it before this entry shows). */
function formDefinitionOf(element: ElementLike): ModdleLike | undefined {
  const extensions = element.businessObject.get('extensionElements') as { get(name: string): ModdleLike[] } | undefined;
  return extensions?.get('values').find((value) => value.$type === 'zeebe:FormDefinition');
}

/** A select of the saved forms (plus the current id when it names a form not saved yet). */
export function FormIdSelect({ element, id }: { element: ElementLike; id: string }) {
  const catalog = useService<FormCatalog>('sparrowForms');
  const translate = useService<Translate>('translate');
  const commandStack = useService<CommandStackLike>('commandStack');
  const current = () => (formDefinitionOf(element)?.get('formId') as string | undefined) ?? '';

  return h(SelectEntry, {
    element,
    id,
    label: translate('Form ID'),
    description: translate('Forms are edited on the Forms page'),
    getValue: current,
    setValue: (value: string) => {
      const formDefinition = formDefinitionOf(element);
      if (!formDefinition) return;
      commandStack.execute('element.updateModdleProperties', { element, moddleElement: formDefinition, properties: { formId: value } });
    },
    getOptions: () => {
      const forms = catalog.getForms();
      const value = current();
      const options = [{ value: '', label: translate('<none>') }, ...forms.map((form) => ({ value: form.id, label: form.name ? `${form.name} (${form.id})` : form.id }))];
      if (value && !forms.some((form) => form.id === value)) options.push({ value, label: translate('{id} (not saved yet)', { id: value }) });
      return options;
    },
  });
}
