// A properties provider: the 发起权限 group of a process — which roles or groups may start its cases (sparrow:starters).
import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { setStartersCommands, startersText } from './startersXml';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface ElementLike {
  id: string;
  businessObject: ModdleLike;
}

interface Group {
  id: string;
  label?: string;
  entries?: unknown[];
}

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** The id of the process's 发起权限 group. */
export const STARTERS_GROUP_ID = 'sparrowStarters';

/** The process an element stands for: itself or a participant's. */
const processOf = (businessObject: ModdleLike): ModdleLike | undefined =>
  is(businessObject, 'bpmn:Process') ? businessObject : is(businessObject, 'bpmn:Participant') ? (businessObject.get('processRef') as ModdleLike | undefined) : undefined;

/** 可发起的角色或组: names apart by commas; empty: everyone who may start cases. */
function StartersField({ element, id, process }: { element: ElementLike; id: string; process: ModdleLike }) {
  const translate = useService<Translate>('translate');
  const commandStack = useService<CommandStackLike>('commandStack');
  const factory = useService<BpmnFactory>('bpmnFactory');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  return h(TextFieldEntry, {
    element: process,
    id,
    label: translate('Who may start it'),
    description: translate('Roles or groups separated by commas; empty: everyone who may start cases'),
    debounce,
    getValue: () => startersText(process),
    setValue: (value: string) => {
      const commands = setStartersCommands(element, process, value ?? '', factory);
      if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  });
}

/** Runs after the Zeebe provider (lower priority) and puts 发起权限 right after the process's general group. */
export default class StartersProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups(element: ElementLike) {
    return (groups: Group[]) => {
      const process = processOf(element.businessObject);
      if (!process) return groups;
      const group = {
        id: STARTERS_GROUP_ID,
        label: this.translate('Who may start it'),
        entries: [{ id: `${element.id}-sparrowStarters`, component: StartersField, isEdited: isTextFieldEntryEdited, process }],
      };
      groups.splice(Math.min(1, groups.length), 0, group);
      return groups;
    };
  }
}
