// A properties provider: the 服务大厅 group of a process — its icon in the residents' service desk and the variable
// that receives the starter's username.
import { isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ModdleLike } from '../moddleShapes';
import { STARTERS_GROUP_ID } from '../starters/StartersProvider';
import { IconSelect, InitiatorField } from './ServiceDeskEntries';

type Translate = (text: string) => string;

interface ElementLike {
  id: string;
  businessObject: ModdleLike;
}

interface Group {
  id: string;
}

/** The id of the process's 服务大厅 group. */
export const SERVICE_DESK_GROUP_ID = 'sparrowServiceDesk';

/** The process an element stands for: itself or a participant's. */
const processOf = (businessObject: ModdleLike): ModdleLike | undefined =>
  is(businessObject, 'bpmn:Process') ? businessObject : is(businessObject, 'bpmn:Participant') ? (businessObject.get('processRef') as ModdleLike | undefined) : undefined;

/** Runs after the starters provider (lower priority) and puts 服务大厅 right after 发起权限. */
export default class ServiceDeskProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(150, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups(element: ElementLike) {
    return (groups: Group[]) => {
      const process = processOf(element.businessObject);
      if (!process) return groups;
      const group = {
        id: SERVICE_DESK_GROUP_ID,
        label: this.translate('Service desk'),
        entries: [
          { id: `${element.id}-sparrowIcon`, component: IconSelect, isEdited: isSelectEntryEdited, process },
          { id: `${element.id}-sparrowInitiator`, component: InitiatorField, isEdited: isTextFieldEntryEdited, process },
        ],
      };
      const starters = groups.findIndex((other) => other.id === STARTERS_GROUP_ID);
      groups.splice(starters >= 0 ? starters + 1 : Math.min(1, groups.length), 0, group);
      return groups;
    };
  }
}
