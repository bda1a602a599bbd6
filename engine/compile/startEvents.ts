// Start events of the process itself (Camunda 8): at most one none start event, any number of timer start events
// (timeDate or timeCycle, static) and message start events (each with its own message name).
import type { EventDefinition, ExecutableModel, MessageDefinition, ModelNode, StartEventNode, TimerDefinition } from '../model';
import { StartScheduleError, startScheduleOf } from '../timerStarts';
import { readEventDefinition } from './events';
import { child, children, describe, extension, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

const TIMER_FIELDS = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
] as const;

/** True for an element directly inside the process (not in a subprocess). */
export function inProcess(element: BpmnElement): boolean {
  return child(element, '$parent')?.$type === 'bpmn:Process';
}

/** The fields of a start event of the process: none (with its start form), timer or message; anything else is refused. */
export function readProcessStart(element: BpmnElement, diagnostics: Diagnostics): Pick<StartEventNode, 'kind' | 'eventDefinition' | 'startFormId'> {
  const definitions = children(element, 'eventDefinitions');
  const definition = definitions.length === 1 ? definitions[0] : undefined;
  if (definition?.$type === 'bpmn:TimerEventDefinition') {
    const timer = readStartTimer(definition, element, diagnostics);
    return { kind: 'startEvent', eventDefinition: timer && { kind: 'timer', timer } };
  }
  if (definition?.$type === 'bpmn:MessageEventDefinition') {
    const message = readStartMessage(child(definition, 'messageRef'), element, diagnostics);
    return { kind: 'startEvent', eventDefinition: message && { kind: 'message', message } };
  }
  const form = extension(element, 'zeebe:FormDefinition');
  const startFormId = form && text(form, 'formId')?.trim();
  return { kind: 'startEvent', eventDefinition: readEventDefinition(element, ['none'], diagnostics), ...(startFormId ? { startFormId } : {}) };
}

/** A timer start event's timeDate or timeCycle (ISO 8601 or Spring cron), static: it is read at deployment, before any case exists. */
function readStartTimer(definition: BpmnElement, event: BpmnElement, diagnostics: Diagnostics): TimerDefinition | undefined {
  const invalid = (reason: string) => {
    diagnostics.problem('timer-invalid', `timer of ${describe(event)} ${reason}`, event.id);
    return undefined;
  };
  const set = TIMER_FIELDS.filter(([field]) => child(definition, field));
  if (set.length !== 1) return invalid(set.length === 0 ? 'has no timeDate or timeCycle' : 'has more than one of timeDuration, timeDate, timeCycle');
  const [field, type] = set[0];
  if (type === 'duration') return invalid('uses timeDuration; a timer start event allows only timeDate or timeCycle (Camunda 8)');
  const raw = (text(child(definition, field) as BpmnElement, 'body') ?? '').trim();
  if (raw.startsWith('=')) return invalid(`has ${field} "${abbreviate(raw)}", a FEEL expression; a timer start event needs a static value (no case exists yet when it is read)`);
  try {
    startScheduleOf(type, raw, new Date(0), 'UTC');
  } catch (error) {
    if (error instanceof StartScheduleError) return invalid(`has ${field} ${error.message}`);
    throw error;
  }
  return { type, value: { kind: 'static', value: raw } };
}

/** A message start event's message: a static name; Camunda 8 has no correlation key here (a subscription's is ignored). */
function readStartMessage(message: BpmnElement | undefined, owner: BpmnElement, diagnostics: Diagnostics): MessageDefinition | undefined {
  const name = message && text(message, 'name')?.trim();
  const invalid = (reason: string) => {
    diagnostics.problem('message-invalid', `${describe(owner)} ${reason}`, owner.id);
    return undefined;
  };
  if (!message) return invalid('refers to no message (messageRef)');
  if (!name) return invalid(`waits for message <${message.id}>, which has no name`);
  if (name.startsWith('=')) return invalid(`waits for message "${name}": a message start event needs a static message name`);
  return { name };
}

/** The process's start events (scope null) with an event definition of `kind`. */
export function processStartsOf(nodes: ModelNode[], kind: EventDefinition['kind']): string[] {
  return nodes.filter((node) => node.kind === 'startEvent' && node.scope === null && node.eventDefinition?.kind === kind).map((node) => node.id);
}

/** Camunda 8's rules for the process's start events: at least one (a refused one was reported), at most one none start event, message names unique. */
export function checkProcessStarts(model: ExecutableModel, diagnostics: Diagnostics): void {
  const starts = Object.values(model.nodes).filter((node) => node.kind === 'startEvent' && node.scope === null);
  if (starts.length === 0) {
    diagnostics.problem('start-event-missing', `process <${model.processId}> has no start event`, model.processId);
  } else if (model.startNodeIds.length > 1) {
    diagnostics.problem(
      'start-event-ambiguous',
      `process <${model.processId}> has ${model.startNodeIds.length} none start events (${model.startNodeIds.map((id) => `<${id}>`).join(', ')}); only one is allowed`,
      model.processId,
    );
  }
  const byName = new Map<string, string>();
  for (const id of model.messageStartNodeIds ?? []) {
    const definition = (model.nodes[id] as StartEventNode).eventDefinition;
    if (definition?.kind !== 'message') continue;
    const other = byName.get(definition.message.name);
    if (other) diagnostics.problem('message-invalid', `message start events <${other}> and <${id}> both wait for message "${definition.message.name}"; each must have its own message (Camunda 8)`, id);
    else byName.set(definition.message.name, id);
  }
}
