// Boundary events: each is attached to an activity of its own scope, which lists it in `boundaryEvents`.
import type { BoundaryEventNode, ModelNode } from '../model';
import { checkDistinctCatchers } from './catchers';
import type { FlowEnds } from './flows';
import type { Diagnostics } from './problems';

/** The node kinds a boundary event can be attached to (an event subprocess excepted). */
const ACTIVITIES = new Set<ModelNode['kind']>(['task', 'userTask', 'serviceTask', 'sendTask', 'scriptTask', 'receiveTask', 'subProcess', 'callActivity']);

/**
 * Attaches every boundary event to its activity (appending its id to the activity's `boundaryEvents`, in document
 * order); records a problem when the activity is missing, not an activity, in another scope, or (escalation) not a
 * subprocess, and when two boundary events of one activity catch the same thing. Events attached to an element already
 * refused add no second problem.
 */
export function attachBoundaryEvents(ends: FlowEnds, diagnostics: Diagnostics): void {
  const activities: ModelNode[] = [];
  for (const event of Object.values(ends.nodes)) {
    if (event.kind !== 'boundaryEvent' || event.attachedTo === undefined || ends.refused.has(event.attachedTo)) continue;
    const activity = Object.hasOwn(ends.nodes, event.attachedTo) ? ends.nodes[event.attachedTo] : undefined;
    const reason = refusal(event, activity);
    if (reason) {
      diagnostics.problem('boundary-event-invalid', `boundaryEvent <${event.id}> ${reason}`, event.id);
      continue;
    }
    if (!activity) continue;
    if (!activity.boundaryEvents) activities.push(activity);
    (activity.boundaryEvents ??= []).push(event.id);
  }
  for (const activity of activities) {
    const events = (activity.boundaryEvents ?? []).map((id) => ends.nodes[id] as BoundaryEventNode);
    checkDistinctCatchers(`${activity.kind} <${activity.id}>`, activity.id, events, diagnostics);
  }
}

function refusal(event: BoundaryEventNode, activity: ModelNode | undefined): string | undefined {
  if (!activity || !ACTIVITIES.has(activity.kind)) return `is attached to <${event.attachedTo}>, which is not an activity (a task or an embedded subprocess)`;
  if (activity.kind === 'subProcess' && activity.triggeredByEvent) return `is attached to event subProcess <${activity.id}>; an event subprocess cannot have boundary events`;
  if (activity.scope !== event.scope) return `is attached to ${activity.kind} <${activity.id}>, which is in another scope`;
  const thrown = event.eventDefinition?.kind;
  if ((thrown === 'error' || thrown === 'escalation') && activity.kind === 'callActivity') {
    return `catches ${thrown === 'error' ? 'an error' : 'an escalation'} on callActivity <${activity.id}>; what a called process throws does not reach its call activity in Sparrow (an uncaught error is an incident of the called case)`;
  }
  if (event.eventDefinition?.kind === 'escalation' && activity.kind !== 'subProcess') {
    return `catches an escalation on ${activity.kind} <${activity.id}>; an escalation boundary event can only be attached to a subprocess (Camunda 8)`;
  }
  return undefined;
}
