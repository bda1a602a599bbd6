// Which entries of bpmn-js's replace menu turn an element into something the engine runs: every replace option's
// target (ReplaceOptions: type, event definition, interrupting) judged by runnable.ts where the element sits.
import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { definitionName, eventPlace, eventRuns, typeRuns } from './runnable';

/** A replace option's target, as bpmn-js describes it. */
type ReplaceTarget = NonNullable<ReplaceOptions.ReplaceOption['target']> & { instantiate?: boolean; eventDefinitionType?: string };

/** The business object of the element being replaced: where it sits. */
export interface ReplacedElement {
  $parent?: { $type?: string; triggeredByEvent?: boolean };
}

const allOptions = Object.values(ReplaceOptions as Record<string, unknown>).flatMap((value) =>
  Array.isArray(value) ? (value as ReplaceOptions.ReplaceOption[]) : typeof value === 'object' && value !== null ? Object.values(value as Record<string, ReplaceOptions.ReplaceOption[]>).flat() : [],
);

/** Every replace entry id (`replace-with-timer-boundary`, …) with the element it makes; entries without a target (flows) are absent. */
const TARGETS: ReadonlyMap<string, ReplaceTarget> = new Map(allOptions.filter((option) => option.target).map((option) => [option.actionName, option.target as ReplaceTarget]));

/** Header toggles of the replace menu for markers the engine refuses (standard loops, data collections, pools); the multi-instance toggles stay. */
export const HIDDEN_REPLACE_HEADERS: readonly string[] = ['toggle-loop', 'toggle-is-collection', 'toggle-participant-multiplicity'];

/** Whether replace entry `id`, applied to `element`, makes something the engine runs (ids it does not know are kept). */
export function replaceEntryRuns(id: string, element: ReplacedElement): boolean {
  const target = TARGETS.get(id);
  if (!target) return true;
  if (!typeRuns(target.type) || target.instantiate === true) return false;
  const parent = element.$parent;
  const place = eventPlace(target.type, parent?.$type === 'bpmn:SubProcess' && parent.triggeredByEvent === true);
  if (!place) return true;
  const interrupting = target.cancelActivity !== false && target.isInterrupting !== false;
  return eventRuns(place, definitionName(target.eventDefinitionType), interrupting);
}
