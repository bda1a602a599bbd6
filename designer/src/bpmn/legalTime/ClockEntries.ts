// The properties-panel entries of one declared clock in the process's 法定时限 group: 名称, 计时方式 (自然日 / 工作日 /
// 其他时长), 时长, 审批人, 预警天数. Each writes an attribute of its `<sparrow:clock>` as one undoable step.
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleLike } from '../moddleShapes';
import { approversAttr, type ClockAttrs, type ClockUnit, lengthAttrs, lengthText, parseWarnWithin, UNIT_LABELS, unitAttrs, unitOf } from './clockSettings';
import { clockAttrsOf, type PanelCommand, renameClockCommands } from './clockXml';

type Translate = (text: string, replacements?: Record<string, string>) => string;

/** What each clock entry receives: the selected element (the process or its participant), the process and the clock. */
export interface ClockEntryProps {
  element: unknown;
  id: string;
  process: ModdleLike;
  clock: ModdleLike;
}

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** Writes `attrs` onto the clock, with `more` commands in the same step. */
function useClockWriter({ element, clock }: ClockEntryProps) {
  const commandStack = useService<CommandStackLike>('commandStack');
  return (attrs: ClockAttrs, more: PanelCommand[] = []) =>
    commandStack.execute('properties-panel.multi-command-executor', [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: clock, properties: attrs } }, ...more]);
}

const useDebounce = () => useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');

/** 名称: renaming also renames the clock controls and 截止于时限 presets that name it. */
export function ClockNameField(props: ClockEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useClockWriter(props);
  const { element, process, clock, id } = props;
  return h(TextFieldEntry, {
    element: clock,
    id,
    label: translate('Name'),
    description: translate('Due dates and timers may end at its deadline'),
    debounce: useDebounce(),
    getValue: () => clockAttrsOf(clock).name ?? '',
    validate: (value: string) => ((value ?? '').trim() === '' ? translate('A clock needs a name') : null),
    setValue: (value: string) => {
      const name = (value ?? '').trim();
      if (name === '') return;
      write({ name }, renameClockCommands(element, process, clockAttrsOf(clock).name ?? '', name));
    },
  });
}

/** 计时方式: calendar days, working days, or another ISO 8601 duration. */
export function ClockUnitSelect(props: ClockEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useClockWriter(props);
  const { clock, id } = props;
  return h(SelectEntry, {
    element: clock,
    id,
    label: translate('Counts in'),
    getValue: () => unitOf(clockAttrsOf(clock)),
    setValue: (value: string) => write(unitAttrs(clockAttrsOf(clock), value as ClockUnit)),
    getOptions: () => (Object.keys(UNIT_LABELS) as ClockUnit[]).map((unit) => ({ value: unit, label: translate(UNIT_LABELS[unit]) })),
  });
}

/** 时长: a number of days, or the ISO 8601 duration for 其他时长. */
export function ClockLengthField(props: ClockEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useClockWriter(props);
  const { clock, id } = props;
  const unit = () => unitOf(clockAttrsOf(clock));
  return h(TextFieldEntry, {
    element: clock,
    id,
    label: translate('Length'),
    description: unit() === 'other' ? translate('An ISO 8601 duration such as P3M or PT4H') : translate('Days; the start day does not count'),
    debounce: useDebounce(),
    getValue: () => lengthText(clockAttrsOf(clock)),
    validate: (value: string) => (lengthAttrs(unit(), value ?? '') ? null : unit() === 'other' ? translate('Enter an ISO 8601 duration') : translate('Enter a whole number of days from 1 to 3650')),
    setValue: (value: string) => {
      const attrs = lengthAttrs(unit(), value ?? '');
      if (attrs) write(attrs);
    },
  });
}

/** 审批人: roles or groups that may suspend, resume and extend the clock besides street commanders. */
export function ClockApproversField(props: ClockEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useClockWriter(props);
  const { clock, id } = props;
  return h(TextFieldEntry, {
    element: clock,
    id,
    label: translate('Approvers'),
    description: translate('Roles or groups separated by commas; they may suspend, resume and extend the clock'),
    debounce: useDebounce(),
    getValue: () => clockAttrsOf(clock).approvers ?? '',
    setValue: (value: string) => write({ approvers: approversAttr(value ?? '') }),
  });
}

/** 预警天数: the clock shows as near its deadline when this many days or fewer remain. */
export function ClockWarnWithinField(props: ClockEntryProps) {
  const translate = useService<Translate>('translate');
  const write = useClockWriter(props);
  const { clock, id } = props;
  return h(TextFieldEntry, {
    element: clock,
    id,
    label: translate('Warn within (days)'),
    description: translate('Shown as near its deadline when this many days or fewer remain; empty: 3'),
    debounce: useDebounce(),
    getValue: () => clockAttrsOf(clock).warnWithin ?? '',
    validate: (value: string) => (parseWarnWithin(value ?? '') ? null : translate('Enter a whole number of days, or leave it empty')),
    setValue: (value: string) => {
      const parsed = parseWarnWithin(value ?? '');
      if (parsed) write(parsed);
    },
  });
}
