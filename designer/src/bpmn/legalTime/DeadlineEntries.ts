// The properties-panel entries of the deadline presets, for a user task's due date and a timer event's date: the preset
// picker (截止于时限 <clock> / N 个工作日后 / N 个自然日后 / N 小时后 / 在下方填写) and, for the last three, the number
// N. The Zeebe provider's own FEEL field stays below and shows the expression written.
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { declaredClockNames, dueDateOf, type PanelCommand, processOf, setDueDateCommands, setTimerDateCommands, timerDateOf, timerOf, type BusinessObject } from './clockXml';
import { amountExpression, amountOf, type AmountKind, deadlinePresetOf, expressionOfValue, MAX_AMOUNTS, parseAmount, presetValue } from './deadlinePresets';

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
        { value: 'calendarDays', label: translate('N calendar days later') },
        { value: 'hours', label: translate('N hours later') },
      ];
      const preset = deadlinePresetOf(expressionOf(element, target));
      if (preset.kind === 'clock' && !names.includes(preset.clock)) options.push({ value: current(), label: translate('{name} (not declared)', { name: preset.clock }) });
      return options;
    },
  });
}

/** What the amount field of each preset says. */
const AMOUNT_TEXTS: Record<AmountKind, { label: string; description: string }> = {
  workingDays: { label: 'Number of working days', description: 'Counted from when the element is reached; holidays and make-up working days follow the work calendar' },
  calendarDays: { label: 'Number of calendar days', description: 'Counted from when the element is reached, weekends and holidays included' },
  hours: { label: 'Number of hours', description: 'Counted from when the element is reached, around the clock' },
};

/** The N of N 个工作日后 / N 个自然日后 / N 小时后. */
export function DeadlineAmountField(props: DeadlineEntryProps & { kind: AmountKind }) {
  const translate = useService<Translate>('translate');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  const write = useWriter(props);
  const { element, id, target, kind } = props;
  return h(TextFieldEntry, {
    element,
    id,
    label: translate(AMOUNT_TEXTS[kind].label),
    description: translate(AMOUNT_TEXTS[kind].description),
    debounce,
    getValue: () => String(amountOf(deadlinePresetOf(expressionOf(element, target))) ?? ''),
    validate: (value: string) => (parseAmount(kind, value ?? '') ? null : translate('Enter a whole number from 1 to {max}', { max: String(MAX_AMOUNTS[kind]) })),
    setValue: (value: string) => {
      const amount = parseAmount(kind, value ?? '');
      // a late (debounced, on blur) write after another preset was picked must not bring this one back
      if (amount && deadlinePresetOf(expressionOf(element, target)).kind === kind) write(amountExpression(kind, amount));
    },
  });
}

/** The amount preset the target of `element` is (its amount field shows then), if any. */
export function amountKindOf(businessObject: ModdleLike & BusinessObject, target: DeadlineTarget): AmountKind | undefined {
  const { kind } = deadlinePresetOf(expressionOf({ businessObject }, target));
  return kind === 'workingDays' || kind === 'calendarDays' || kind === 'hours' ? kind : undefined;
}
