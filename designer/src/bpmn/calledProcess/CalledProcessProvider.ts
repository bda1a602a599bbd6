// A properties provider that puts the called-process picker first in a call activity's "called element" group; the
// Zeebe provider's process ID field (static or FEEL), binding and version tag stay below it.
import { isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { CalledProcessSelect } from './CalledProcessSelect';

interface Group {
  id: string;
  label?: string;
  entries?: Array<{ id: string; component: unknown; isEdited?: unknown }>;
}

type Translate = (text: string) => string;

/** Runs after the Zeebe provider (lower priority) and adds the picker to the `calledElement` group. */
export default class CalledProcessProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups() {
    return (groups: Group[]) => {
      const called = groups.find((group) => group.id === 'calledElement');
      if (called?.entries) {
        called.label = this.translate('Called process');
        called.entries = [{ id: 'calledProcessPicker', component: CalledProcessSelect, isEdited: isSelectEntryEdited }, ...called.entries];
      }
      return groups;
    };
  }
}
