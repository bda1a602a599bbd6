// A properties provider that swaps the Zeebe provider's free-text "Form ID" field for a picker of saved forms.
import { isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { FormIdSelect } from './FormIdSelect';

interface Entry {
  id: string;
  component: unknown;
  isEdited?: unknown;
}

interface Group {
  id: string;
  entries?: Entry[];
}

/** Runs after the Zeebe provider (lower priority) and replaces the `form` group's `formId` entry. */
export default class FormPickerProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups() {
    return (groups: Group[]) => {
      const form = groups.find((group) => group.id === 'form');
      if (form?.entries) {
        form.entries = form.entries.map((entry) => (entry.id === 'formId' ? { id: entry.id, component: FormIdSelect, isEdited: isSelectEntryEdited } : entry));
      }
      return groups;
    };
  }
}
