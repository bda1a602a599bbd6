// The properties-panel entries of the deadline presets, for a user task's due date and a timer event's date: the preset
// picker (截止于时限 <clock> / N 个工作日后 / 在下方填写) and, for N 个工作日后, the number of working days. The Zeebe
// provider's own FEEL field stays below and shows the expression written.
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { parseDays } from './clockSettings';
import { declaredClockNames, dueDateOf, type PanelCommand, processOf, setDueDateCommands, setTimerDateCommands, timerDateOf, timerOf, type BusinessObject } from './clockXml';
import { deadlinePresetOf, expressionOfValue, presetValue, workingDaysExpression } from './deadlinePresets';

type Translate = (text: string, replacements?: Record<string, string>) => string;

/** Where a preset writes: a user task's due date or a timer event's date. */
export type DeadlineTarget = 'dueDate' | 'timer';

interface DeadlineEntryProps {
  element: { businessObject: BusinessObject };
  id: string;
  target: DeadlineTarget;
}

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** The expression the target holds now. */
function expressionOf(element: DeadlineEntryProps['element'], target: DeadlineTarget): string | undefined {
  if (target === 'dueDate') return dueDateOf(element.businessObject);
  const timer = timerOf(element.businessObject);
  return timer && timerDateOf(timer);
}

/** Writes `expression` into the target as one undoable step. */
function useWriter({ element, target }: DeadlineEntryProps) {
  const factory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStackLike>('commandStack');
  return (expression: string) => {
    const businessObject = element.businessObject;
    const timer = timerOf(businessObject);
    const commands: PanelCommand[] =
      target === 'dueDate' ? setDueDateCommands(element, businessObject, expression, factory) : timer ? setTimerDateCommands(element, timer, expression, factory) : [];
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
}

/** The preset picker: the process's declared clocks, N working days from now, or whatever is typed below. */
export function DeadlinePresetSelect(props: DeadlineEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useWriter(props);
  const { element, id, target } = props;
  const current = () => presetValue(deadlinePresetOf(expressionOf(element, target)));
  return h(SelectEntry, {
    element,
    id,
    label: translate(target === 'dueDate' ? 'Due date preset' : 'Fires at'),
    description: translate('Deadlines of working days end at 23:59 Beijing time'),
    getValue: current,
    setValue: (value: string) => {
      const expression = expressionOfValue(value, expressionOf(element, target));
      if (expression) write(expression);
    },
    getOptions: () => {
      const names = declaredClockNames(processOf(element.businessObject)).filter((name) => name !== '');
      const options = [
        { value: 'other', label: translate('Enter below') },
        ...names.map((name) => ({ value: `clock:${name}`, label: translate('At the deadline of {name}', { name }) })),
        { value: 'workingDays', label: translate('N working days later') },
      ];
      const preset = deadlinePresetOf(expressionOf(element, target));
      if (preset.kind === 'clock' && !names.includes(preset.clock)) options.push({ value: current(), label: translate('{name} (not declared)', { name: preset.clock }) });
      return options;
    },
  });
}

/** The N of N 个工作日后. */
export function WorkingDaysField(props: DeadlineEntryProps) {
  const translate = useService<Translate>('translate');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  const write = useWriter(props);
  const { element, id, target } = props;
  return h(TextFieldEntry, {
    element,
    id,
    label: translate('Number of working days'),
    description: translate('Counted from when the element is reached; holidays and make-up working days follow the work calendar'),
    debounce,
    getValue: () => {
      const preset = deadlinePresetOf(expressionOf(element, target));
      return preset.kind === 'workingDays' ? String(preset.days) : '';
    },
    validate: (value: string) => (parseDays(value ?? '') ? null : translate('Enter a whole number of days from 1 to 3650')),
    setValue: (value: string) => {
      const days = parseDays(value ?? '');
      if (days) write(workingDaysExpression(days));
    },
  });
}

/** Whether the target of `element` is an N 个工作日后 preset (the days field shows then). */
export const isWorkingDaysPreset = (businessObject: ModdleLike & BusinessObject, target: DeadlineTarget): boolean =>
  deadlinePresetOf(expressionOf({ businessObject }, target)).kind === 'workingDays';
