// Catch events that wait side by side (one activity's boundary events, one scope's event subprocesses, one event-based
// gateway's events) must be told apart: Camunda 8 refuses two for the same message, signal, error or escalation code.
import type { EventDefinition, ModelNode } from '../model';
import type { Diagnostics } from './problems';

/** A catch event as this check sees it. */
interface Catcher {
  id: string;
  eventDefinition?: EventDefinition;
}

/** A node as a catcher: its id and its event definition, if it has one. */
export function catcherOf(node: ModelNode): Catcher {
  return { id: node.id, eventDefinition: 'eventDefinition' in node ? node.eventDefinition : undefined };
}

/** What a catch event waits for, as a key shared by the catchers it clashes with (undefined: never clashes). */
function keyOf(definition: EventDefinition | undefined): string | undefined {
  switch (definition?.kind) {
    case 'message':
      return `message "${definition.message.name}"`;
    case 'signal':
      return `signal "${definition.signalName}"`;
    case 'error':
      return definition.errorCode === undefined ? 'every error (no error code)' : `error code "${definition.errorCode}"`;
    case 'escalation':
      return definition.escalationCode === undefined ? 'every escalation (no escalation code)' : `escalation code "${definition.escalationCode}"`;
    case 'compensation':
      return 'compensation';
    default:
      return undefined;
  }
}

/** Records a `catch-event-duplicate` problem on `ownerId` for each thing that more than one of `catchers` waits for. */
export function checkDistinctCatchers(owner: string, ownerId: string, catchers: readonly Catcher[], diagnostics: Diagnostics): void {
  const byKey = new Map<string, string[]>();
  for (const catcher of catchers) {
    const key = keyOf(catcher.eventDefinition);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), catcher.id]);
  }
  for (const [key, ids] of byKey) {
    if (ids.length < 2) continue;
    const list = ids.map((id) => `<${id}>`).join(', ');
    diagnostics.problem('catch-event-duplicate', `${owner} has more than one catch event for ${key} (${list}); Camunda 8 allows one per scope`, ownerId);
  }
}
