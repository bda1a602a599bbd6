// A properties provider for legal time (issue 14): the 法定时限 group of a process (its declared clocks), the 计时控制
// group of a flow node (which clocks its completion starts or stops), and the deadline presets in a user task's due
// date and a timer event's date.
import { isSelectEntryEdited, isTextFieldEntryEdited, ListGroup } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { BpmnFactory } from '../moddleShapes';
import { ClockApproversField, ClockLengthField, ClockNameField, ClockUnitSelect, ClockWarnWithinField } from './ClockEntries';
import { ControlActionSelect, ControlClockSelect } from './ClockControlEntries';
import { ACTION_LABELS, type ClockAction, newClockName } from './clockSettings';
import {
  addClockCommands,
  addClockControlCommands,
  type BusinessObject,
  clockAttrsOf,
  clockControlsOf,
  declaredClockNames,
  declaredClocks,
  type PanelCommand,
  processOf,
  removeClockCommands,
  removeClockControlCommands,
  timerOf,
} from './clockXml';
import { amountKindOf, DeadlineAmountField, DeadlinePresetSelect, type DeadlineTarget } from './DeadlineEntries';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface Entry {
  id: string;
  component: unknown;
  isEdited?: unknown;
  [prop: string]: unknown;
}

interface Group {
  id: string;
  label?: string;
  entries?: Entry[];
  component?: unknown;
  items?: unknown[];
  add?: (event: Event) => void;
}

interface ElementLike {
  id: string;
  businessObject: BusinessObject;
}

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** The id of the process's 法定时限 group. */
export const CLOCKS_GROUP_ID = 'sparrowClocks';
/** The id of a flow node's 计时控制 group. */
export const CLOCK_CONTROL_GROUP_ID = 'sparrowClockControl';

/** The id prefix of each amount field (`sparrowWorkingDays-dueDate` …). */
const AMOUNT_ENTRY_PREFIXES = { workingDays: 'sparrowWorkingDays', calendarDays: 'sparrowCalendarDays', hours: 'sparrowHours' } as const;

/** Runs after the Zeebe provider (lower priority). */
export default class LegalTimeProvider {
  static $inject = ['propertiesPanel', 'translate', 'bpmnFactory', 'commandStack'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: Translate,
    private readonly factory: BpmnFactory,
    private readonly commandStack: CommandStackLike,
  ) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups(element: ElementLike) {
    return (groups: Group[]) => {
      const businessObject = element.businessObject;
      if (is(businessObject, 'bpmn:Process') || (is(businessObject, 'bpmn:Participant') && processOf(businessObject))) {
        groups.splice(Math.min(1, groups.length), 0, this.clocksGroup(element));
      } else if (is(businessObject, 'bpmn:FlowNode')) {
        const group = this.controlGroup(element);
        if (group) groups.splice(this.indexBefore(groups, 'Zeebe__ExtensionProperties'), 0, group);
        this.addDeadlinePresets(element, groups);
      }
      return groups;
    };
  }

  private run(commands: PanelCommand[]) {
    if (commands.length > 0) this.commandStack.execute('properties-panel.multi-command-executor', commands);
  }

  private indexBefore(groups: Group[], id: string) {
    const index = groups.findIndex((group) => group.id === id);
    return index === -1 ? groups.length : index;
  }

  /** 法定时限: one item per declared clock, an add button declaring a new 30-day clock. */
  private clocksGroup(element: ElementLike): Group {
    const process = processOf(element.businessObject)!;
    const items = declaredClocks(process).map((clock, index) => {
      const id = `${element.id}-sparrowClock-${index}`;
      const entry = (suffix: string, component: unknown, isEdited: unknown): Entry => ({ id: `${id}-${suffix}`, component, isEdited, process, clock });
      return {
        id,
        label: clockAttrsOf(clock).name ?? '',
        entries: [
          entry('name', ClockNameField, isTextFieldEntryEdited),
          entry('unit', ClockUnitSelect, isSelectEntryEdited),
          entry('length', ClockLengthField, isTextFieldEntryEdited),
          entry('approvers', ClockApproversField, isTextFieldEntryEdited),
          entry('warnWithin', ClockWarnWithinField, isTextFieldEntryEdited),
        ],
        autoFocusEntry: `${id}-name`,
        remove: (event: Event) => {
          event.stopPropagation();
          this.run(removeClockCommands(element, process, clock));
        },
      };
    });
    return {
      id: CLOCKS_GROUP_ID,
      label: this.translate('Legal time limits'),
      component: ListGroup,
      items,
      add: (event: Event) => {
        event.stopPropagation();
        const name = newClockName(this.translate('Time limit'), declaredClockNames(process));
        this.run(addClockCommands(element, process, { name, duration: 'P30D' }, this.factory));
      },
    };
  }

  /** 计时控制: shown when the process declares clocks or the node controls some (so a stale control can be removed). */
  private controlGroup(element: ElementLike): Group | undefined {
    const node = element.businessObject;
    const process = processOf(node);
    const names = declaredClockNames(process).filter((name) => name !== '');
    const controls = clockControlsOf(node);
    if (names.length === 0 && controls.length === 0) return undefined;
    const items = controls.map((control, index) => {
      const id = `${element.id}-sparrowClockControl-${index}`;
      const action = control.get('action') as ClockAction | undefined;
      return {
        id,
        label: `${action && ACTION_LABELS[action] ? this.translate(ACTION_LABELS[action]) : ''} ${(control.get('clock') as string | undefined) ?? ''}`.trim(),
        entries: [
          { id: `${id}-clock`, component: ControlClockSelect, isEdited: isSelectEntryEdited, process, control },
          { id: `${id}-action`, component: ControlActionSelect, isEdited: isSelectEntryEdited, process, control },
        ],
        autoFocusEntry: `${id}-clock`,
        remove: (event: Event) => {
          event.stopPropagation();
          this.run(removeClockControlCommands(element, node, control));
        },
      };
    });
    return {
      id: CLOCK_CONTROL_GROUP_ID,
      label: this.translate('Clock control'),
      component: ListGroup,
      items,
      add: (event: Event) => {
        event.stopPropagation();
        if (names.length === 0) return;
        // a node that starts a clock usually starts one it does not control yet
        const controlled = controls.map((control) => control.get('clock'));
        this.run(addClockControlCommands(element, node, names.find((name) => !controlled.includes(name)) ?? names[0], 'start', this.factory));
      },
    };
  }

  /** The preset picker (and the N of N 个工作日后 / 自然日后 / 小时后) before a user task's due date and first in a timer event's group. */
  private addDeadlinePresets(element: ElementLike, groups: Group[]) {
    const node = element.businessObject;
    const presetEntries = (target: DeadlineTarget): Entry[] => {
      const kind = amountKindOf(node, target);
      const amount: Entry[] = kind ? [{ id: `${AMOUNT_ENTRY_PREFIXES[kind]}-${target}`, component: DeadlineAmountField, isEdited: isTextFieldEntryEdited, target, kind }] : [];
      return [{ id: `sparrowDeadlinePreset-${target}`, component: DeadlinePresetSelect, isEdited: isSelectEntryEdited, target }, ...amount];
    };
    const assignment = groups.find((group) => group.id === 'assignmentDefinition');
    const due = assignment?.entries?.findIndex((entry) => entry.id === 'taskScheduleDueDate') ?? -1;
    if (assignment?.entries && due !== -1) assignment.entries.splice(due, 0, ...presetEntries('dueDate'));
    // a process's timer start event runs before any clock or case exists: its date stays static
    const processStart = is(node, 'bpmn:StartEvent') && is(node.$parent, 'bpmn:Process');
    const timer = groups.find((group) => group.id === 'timer');
    if (timerOf(node) && !processStart && timer?.entries) timer.entries = [...presetEntries('timer'), ...timer.entries];
  }
}
