// The properties-panel entry of a process's timer start event that offers repeating cycles as presets (每周 / 每月 /
// 每季度); choosing one writes an ISO 8601 time cycle, "not repeating" switches to a date to fill in.
import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, ElementLike, ModdleLike } from '../moddleShapes';
import { CYCLE_LABELS, type CyclePreset, cycleOf, cyclePresetOf } from './cyclePresets';

type Translate = (text: string) => string;

interface ModelingLike {
  updateModdleProperties(element: unknown, moddleElement: unknown, properties: Record<string, unknown>): void;
}

const timerOf = (element: ElementLike) => ((element.businessObject.get('eventDefinitions') as ModdleLike[] | undefined) ?? []).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');

/** Which option the timer is now: a preset, a date, or another cycle. */
function currentOption(timer: ModdleLike | undefined): keyof typeof CYCLE_LABELS {
  const cycle = timer?.get('timeCycle') as ModdleLike | undefined;
  if (cycle) return cyclePresetOf(cycle.get('body') as string | undefined) ?? 'other';
  return timer?.get('timeDate') ? 'once' : 'other';
}

/** A select of the repeating presets for a timer start event. */
export function CycleSelect({ element, id }: { element: ElementLike; id: string }) {
  const translate = useService<Translate>('translate');
  const factory = useService<BpmnFactory>('bpmnFactory');
  const modeling = useService<ModelingLike>('modeling');

  return h(SelectEntry, {
    element,
    id,
    label: translate('Repeats'),
    description: translate('Starts a case on a schedule'),
    getValue: () => currentOption(timerOf(element)),
    setValue: (value: string) => {
      const timer = timerOf(element);
      if (!timer || value === 'other') return;
      const properties =
        value === 'once'
          ? { timeDate: factory.create('bpmn:FormalExpression', {}), timeCycle: undefined, timeDuration: undefined }
          : { timeCycle: factory.create('bpmn:FormalExpression', { body: cycleOf(value as CyclePreset, new Date()) }), timeDate: undefined, timeDuration: undefined };
      modeling.updateModdleProperties(element, timer, properties);
    },
    getOptions: () => (Object.keys(CYCLE_LABELS) as Array<keyof typeof CYCLE_LABELS>).map((option) => ({ value: option, label: translate(CYCLE_LABELS[option]) })),
  });
}
