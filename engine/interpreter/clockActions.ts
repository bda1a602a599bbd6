// Statutory clocks in a case's state (issue 14): an element that completes starts or stops the clocks its
// `sparrow:clockControl`s name, and each change of a clock computes its deadline again (engine/calendar/clocks.ts).
import type { ClockState } from '../../contracts/legalTime';
import { clockDeadline } from '../calendar/clocks';
import type { ClockAction } from '../model';
import type { LegalTimeHost } from './legalScope';
import { own } from './own';
import type { Actor, AuditEntry, ElementInstance } from './types';

/** What clock changes use of the step's runtime (interpreter/runtime.ts). */
export interface ClockHost extends LegalTimeHost {
  record(entry: Omit<AuditEntry, 'at' | 'actor'> & { actor?: Actor }): void;
}

/** The clock of that name the case has started, if any. */
export function clockOf(host: LegalTimeHost, name: string): ClockState | undefined {
  return host.state.clocks === undefined ? undefined : own(host.state.clocks, name);
}

/** Computes the clock's deadline again on the case's calendar; returns the deadline before and after. */
export function refreshDeadline(host: LegalTimeHost, clock: ClockState): { from: string | null; to: string | null } {
  const from = clock.deadline;
  const declaration = own(host.model.clocks ?? {}, clock.name);
  if (!declaration) return { from, to: from };
  const { deadline, provisional } = clockDeadline(declaration, clock, host.state.calendar);
  clock.deadline = deadline;
  clock.provisional = provisional;
  return { from, to: deadline };
}

/**
 * Runs the clock actions of an element instance that completes: `start` starts a clock that has not started or has
 * stopped (a running or suspended one goes on), `stop` stops a started one (ending a suspension); each change recorded.
 */
export function runClockActions(host: ClockHost, instance: ElementInstance, actions: ClockAction[]): void {
  for (const { clock: name, action } of actions) {
    const existing = clockOf(host, name);
    const at = { elementId: instance.elementId, tokenId: instance.id };
    if (action === 'start' && (!existing || existing.status === 'stopped')) {
      const clock: ClockState = { name, status: 'running', startedAt: host.at, startedBy: instance.elementId, suspensions: [], extensions: [], deadline: null, provisional: false };
      refreshDeadline(host, clock);
      (host.state.clocks ??= {})[name] = clock;
      host.record({ kind: 'clock.started', ...at, data: { clock: name, deadline: clock.deadline, provisional: clock.provisional } });
    } else if (action === 'stop' && existing && existing.status !== 'stopped') {
      const open = existing.suspensions.at(-1);
      if (existing.status === 'suspended' && open && open.to === undefined) open.to = host.at;
      existing.status = 'stopped';
      existing.stoppedAt = host.at;
      refreshDeadline(host, existing);
      host.record({ kind: 'clock.stopped', ...at, data: { clock: name, deadline: existing.deadline } });
    }
  }
}
