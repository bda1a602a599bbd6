// A properties provider that puts the repeating-cycle presets first in the timer group of a process's timer start
// event (not an event subprocess's: those are not schedules); the Zeebe provider's type and value fields stay below.
import { isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { CycleSelect } from './CycleSelect';

interface Group {
  id: string;
  entries?: Array<{ id: string; component: unknown; isEdited?: unknown }>;
}

interface ElementLike {
  businessObject: { $type: string; $parent?: { $type?: string } };
}

/** Runs after the Zeebe provider (lower priority). */
export default class TimerStartProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups(element: ElementLike) {
    return (groups: Group[]) => {
      const { $type, $parent } = element.businessObject;
      const timer = groups.find((group) => group.id === 'timer');
      if ($type === 'bpmn:StartEvent' && $parent?.$type === 'bpmn:Process' && timer?.entries) {
        timer.entries = [{ id: 'timerStartCycle', component: CycleSelect, isEdited: isSelectEntryEdited }, ...timer.entries];
      }
      return groups;
    };
  }
}
