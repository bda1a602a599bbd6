// The properties-panel entries of one clock control in a flow node's 计时控制 group: which declared clock, and whether
// the element's completion starts (开始) or stops (停止) it.
import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleLike } from '../moddleShapes';
import { ACTION_LABELS, type ClockAction } from './clockSettings';
import { declaredClockNames } from './clockXml';

type Translate = (text: string, replacements?: Record<string, string>) => string;

/** What each control entry receives: the selected flow node, the process declaring the clocks and the control. */
export interface ClockControlEntryProps {
  element: unknown;
  id: string;
  process: ModdleLike | undefined;
  control: ModdleLike;
}

interface ModelingLike {
  updateModdleProperties(element: unknown, moddleElement: unknown, properties: Record<string, unknown>): void;
}

/** 时限: one of the clocks the process declares (a name it does not declare stays listed, marked). */
export function ControlClockSelect({ element, id, process, control }: ClockControlEntryProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<ModelingLike>('modeling');
  const current = () => (control.get('clock') as string | undefined) ?? '';
  return h(SelectEntry, {
    element: control,
    id,
    label: translate('Clock'),
    getValue: current,
    setValue: (value: string) => modeling.updateModdleProperties(element, control, { clock: value }),
    getOptions: () => {
      const names = declaredClockNames(process).filter((name) => name !== '');
      const options = names.map((name) => ({ value: name, label: name }));
      return names.includes(current()) ? options : [...options, { value: current(), label: translate('{name} (not declared)', { name: current() }) }];
    },
  });
}

/** 操作: start or stop the clock when the element completes. */
export function ControlActionSelect({ element, id, control }: ClockControlEntryProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<ModelingLike>('modeling');
  return h(SelectEntry, {
    element: control,
    id,
    label: translate('When this element completes'),
    getValue: () => (control.get('action') as string | undefined) ?? '',
    setValue: (value: string) => modeling.updateModdleProperties(element, control, { action: value }),
    getOptions: () => (Object.keys(ACTION_LABELS) as ClockAction[]).map((action) => ({ value: action, label: translate(ACTION_LABELS[action]) })),
  });
}
