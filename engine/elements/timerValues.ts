// A timer's value for the instance that waits for it: evaluated to a due instant, and — when the case keeps legal
// time — with what it read of the calendar and the clocks, so a clock change or a calendar update can move it. A timer
// whose value reads a suspended clock is paused: it waits without a due time until the clock runs again.
import { readingLegalTime, suspendedClockIn, unstartedClockIn, valueOf } from '../interpreter/legalScope';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, TimeReads } from '../interpreter/types';
import type { ModelNode, TimerDefinition } from '../model';
import { dueAt } from '../timers';

/** A timer read for arming: its value and due instant (with what it read of legal time), or paused on a suspended clock. */
export type TimerRead = { paused: false; value: string; due: string; reads?: TimeReads } | { paused: true; reads: TimeReads };

/** Evaluates the timer of `node` in the owner's variables, as at `at`, to its ISO 8601 text and due instant; a bad value is an incident. */
function evaluateTimer(rt: Runtime, owner: ElementInstance, node: ModelNode, timer: TimerDefinition, at: string): { value: string; due: string } {
  const value = rt.evaluate(timer.value, rt.contextOf(owner));
  if (typeof value !== 'string') throw new IncidentSignal('expression', `timer of <${node.id}> must be an ISO 8601 text, got ${JSON.stringify(value)}`);
  try {
    return { value, due: dueAt(timer.type, value, at) };
  } catch (error) {
    throw new IncidentSignal('expression', `timer of <${node.id}>: ${(error as Error).message}`);
  }
}

/**
 * Reads the timer of `node` for `owner` as at `at` (`now()` is `at`). Under legal time a duration or date timer notes
 * what it read, and one reading a suspended clock is paused; a cycle is read once, as without legal time.
 */
export function readTimer(rt: Runtime, owner: ElementInstance, node: ModelNode, timer: TimerDefinition, at: string): TimerRead {
  if (timer.type === 'cycle') return { paused: false, ...evaluateTimer(rt, owner, node, timer, at) };
  const read = readingLegalTime(rt, at, () => evaluateTimer(rt, owner, node, timer, at));
  if (read.reads && suspendedClockIn(rt.state, read.reads)) return { paused: true, reads: read.reads };
  const unstarted = read.ok ? undefined : unstartedClockIn(rt.state, read.reads);
  if (unstarted) throw new IncidentSignal('expression', `timer of <${node.id}> reads clock "${unstarted}", which has not started in this case`);
  return { paused: false, ...valueOf(read), ...(read.reads ? { reads: read.reads } : {}) };
}
