// Subscribing an element instance to a timer, a message or a signal: for its own catch event or receive task, or on
// behalf of another element (a boundary event, an event subprocess's start event, an event-based gateway's target).
import { DateTime, Duration } from 'luxon';
import { eventWaitIdOf, waitIdOf } from '../../contracts/ids';
import { own } from '../interpreter/own';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, Subscription, TimerCycle } from '../interpreter/types';
import type { EventDefinition, MessageDefinition, ModelNode, TimerDefinition } from '../model';
import { parseCycle } from '../timers';
import { readTimer } from './timerValues';

/** Subscribes `owner` to the message of `node` by name and correlation key (evaluated now, in the owner's variables, as Camunda 8 does). */
export function awaitMessage(rt: Runtime, owner: ElementInstance, node: ModelNode, message: MessageDefinition, waitId = waitIdOf(owner.id, 'msg')): void {
  const key = message.correlationKey ? rt.evaluate(message.correlationKey, rt.contextOf(owner)) : '';
  if (key === null || key === undefined || (typeof key !== 'string' && typeof key !== 'number')) {
    throw new IncidentSignal('expression', `correlation key of <${node.id}> must be a string or number, got ${JSON.stringify(key)}`);
  }
  openMessageSubscription(rt, waitId, { kind: 'message', instanceId: owner.id, elementId: node.id, name: message.name, correlationKey: String(key) });
}

/** Opens a message subscription; with message buffering, asks the workflow to correlate a buffered message to it (Camunda 8). */
function openMessageSubscription(rt: Runtime, waitId: string, subscription: Extract<Subscription, { kind: 'message' }>): void {
  rt.subscribe(waitId, subscription);
  if (rt.limits.messageBuffer) rt.emit({ type: 'pollMessageBuffer', waitId, elementId: subscription.elementId, name: subscription.name, correlationKey: subscription.correlationKey });
}

/**
 * Arms a Temporal timer for `owner` on behalf of `node`; `repeat`: a cycle fires again after each firing (non-interrupting
 * events). Under legal time a timer reading a suspended clock subscribes paused: no Temporal timer until the clock runs.
 */
export function awaitTimer(rt: Runtime, owner: ElementInstance, node: ModelNode, timer: TimerDefinition, waitId = waitIdOf(owner.id, 'timer'), repeat = false): void {
  const read = readTimer(rt, owner, node, timer, rt.at);
  if (read.paused) return rt.subscribe(waitId, { kind: 'timer', instanceId: owner.id, elementId: node.id, dueAt: '', reads: read.reads, paused: true });
  const cycle = timer.type === 'cycle' && repeat ? cycleOf(read.value) : undefined;
  armTimer(rt, waitId, { kind: 'timer', instanceId: owner.id, elementId: node.id, dueAt: read.due, ...(cycle ? { cycle } : {}), ...(read.reads ? { reads: read.reads } : {}) });
}

/** The repetition of a cycle after its first firing; none when it fires only once. */
function cycleOf(value: string): TimerCycle | undefined {
  const cycle = parseCycle(value);
  if (!cycle || cycle.repetitions === 1) return undefined;
  return { interval: cycle.interval.toISO() as string, remaining: cycle.repetitions === null ? null : cycle.repetitions - 1 };
}

function armTimer(rt: Runtime, waitId: string, subscription: Extract<Subscription, { kind: 'timer' }>): void {
  rt.subscribe(waitId, subscription);
  startTimer(rt, waitId, subscription);
}

/** Asks the workflow for the Temporal timer of a timer subscription (already in the state). */
export function startTimer(rt: Runtime, waitId: string, subscription: Extract<Subscription, { kind: 'timer' }>): void {
  rt.emit({ type: 'startTimer', waitId, elementId: subscription.elementId, dueAt: subscription.dueAt, delayMs: Math.max(0, Date.parse(subscription.dueAt) - Date.parse(rt.at)) });
}

/**
 * Keeps a fired subscription of a non-interrupting event open: a message or signal subscribes again under its id, a
 * repeating timer is armed for its next due time (under a new id) while firings are left.
 */
export function resubscribe(rt: Runtime, waitId: string, subscription: Subscription): void {
  if (subscription.kind === 'message') return openMessageSubscription(rt, waitId, subscription);
  if (subscription.kind === 'signal') return rt.subscribe(waitId, subscription);
  if (subscription.kind !== 'timer' || !subscription.cycle || subscription.cycle.remaining === 0) return;
  const { interval, remaining } = subscription.cycle;
  const next = DateTime.fromISO(subscription.dueAt, { zone: 'utc' }).plus(Duration.fromISO(interval)).toUTC().toISO() as string;
  const cycle = { interval, remaining: remaining === null ? null : remaining - 1 };
  armTimer(rt, eventWaitIdOf(subscription.instanceId, subscription.elementId, rt.nextId('')), { ...subscription, dueAt: next, cycle });
}

/**
 * Subscribes `owner` to the timer, message or signal of `definition` on behalf of `node` (a boundary event, an event
 * subprocess's start event, a gateway's target); `repeat`: a non-interrupting timer cycle repeats. Other kinds (error,
 * escalation) are caught when thrown, not subscribed to. An element the owner already holds a subscription for (an
 * activation retried after an incident) keeps it, so nothing is subscribed twice.
 */
export function subscribeFor(rt: Runtime, owner: ElementInstance, node: ModelNode, definition: EventDefinition | undefined, repeat: boolean): void {
  if (owner.subscriptions?.some((id) => own(rt.state.subscriptions, id)?.elementId === node.id)) return;
  const waitId = eventWaitIdOf(owner.id, node.id, rt.nextId(''));
  if (definition?.kind === 'timer') awaitTimer(rt, owner, node, definition.timer, waitId, repeat);
  else if (definition?.kind === 'message') awaitMessage(rt, owner, node, definition.message, waitId);
  else if (definition?.kind === 'signal') rt.subscribe(waitId, { kind: 'signal', instanceId: owner.id, elementId: node.id, name: definition.signalName });
}
