// Legal time in FEEL (issue 14): the working-day and clock functions an evaluation sees when the case keeps legal
// time, with `now()` at the step's instant — or, when a timer or due date is evaluated again after a clock or the
// calendar changed, at the instant it was first evaluated — and what the evaluation read, so it can be moved later.
import { type LegalTimeReads, legalTimeFunctions } from '../calendar/feelFunctions';
import type { ExecutableModel } from '../model';
import { own } from './own';
import type { EngineState, TimeReads } from './types';

/** An evaluation under way whose legal-time reads are noted: the instant `now()` gives and what it read so far. */
export interface LegalReading {
  at: string;
  reads: LegalTimeReads;
}

/** What legal-time evaluation uses of the step's runtime (interpreter/runtime.ts). */
export interface LegalTimeHost {
  readonly model: ExecutableModel;
  readonly state: EngineState;
  readonly limits: { legalTime?: boolean };
  readonly at: string;
  legalReading?: LegalReading;
}

/** The outcome of an evaluation that noted its legal-time reads: its value or error, what it read, and whether a day read was provisional. */
export type LegalRead<T> = { reads?: TimeReads; provisional: boolean } & ({ ok: true; value: T } | { ok: false; error: unknown });

const noReads = (): LegalTimeReads => ({ calendar: false, clocks: [], provisional: false });

/** The legal-time FEEL functions for an evaluation now; undefined without legal time (FEEL then sees only its builtins). */
export function legalScopeOf(host: LegalTimeHost): Record<string, unknown> | undefined {
  if (!host.limits.legalTime) return undefined;
  const reading = host.legalReading;
  const scope = { at: reading?.at ?? host.at, calendar: host.state.calendar, clocks: host.state.clocks, declarations: host.model.clocks };
  return legalTimeFunctions(scope, reading?.reads ?? noReads());
}

/**
 * Runs `evaluate` with `now()` at `at`, noting what it reads of legal time; a failure is returned, not thrown, so the
 * caller can see what the failed evaluation read (a suspended clock). Without legal time it just runs `evaluate`.
 */
export function readingLegalTime<T>(host: LegalTimeHost, at: string, evaluate: () => T): LegalRead<T> {
  if (!host.limits.legalTime) return { ok: true, value: evaluate(), provisional: false };
  const outer = host.legalReading;
  const reading: LegalReading = { at, reads: noReads() };
  host.legalReading = reading;
  try {
    const value = evaluate();
    return { ok: true, value, ...readsOf(reading) };
  } catch (error) {
    return { ok: false, error, ...readsOf(reading) };
  } finally {
    host.legalReading = outer;
  }
}

function readsOf({ at, reads }: LegalReading): { reads?: TimeReads; provisional: boolean } {
  if (!reads.calendar && reads.clocks.length === 0) return { provisional: reads.provisional };
  return { reads: { ...(reads.clocks.length > 0 ? { clocks: [...reads.clocks] } : {}), ...(reads.calendar ? { calendar: true } : {}), at }, provisional: reads.provisional };
}

/** The value of a read, or its error thrown. */
export function valueOf<T>(read: LegalRead<T>): T {
  if (read.ok) return read.value;
  throw read.error;
}

/** What two evaluations made at the same instant read together (undefined: nothing). */
export function mergeReads(a: TimeReads | undefined, b: TimeReads | undefined): TimeReads | undefined {
  if (!a || !b) return a ?? b;
  const clocks = [...new Set([...(a.clocks ?? []), ...(b.clocks ?? [])])];
  return { ...(clocks.length > 0 ? { clocks } : {}), ...(a.calendar || b.calendar ? { calendar: true } : {}), at: a.at };
}

/** The first clock `reads` names that is suspended now (a timer reading it waits, paused), if any. */
export function suspendedClockIn(state: EngineState, reads: TimeReads | undefined): string | undefined {
  return reads?.clocks?.find((name) => state.clocks !== undefined && own(state.clocks, name)?.status === 'suspended');
}

/** The first clock `reads` names that has not started in the case, if any (its value is then null). */
export function unstartedClockIn(state: EngineState, reads: TimeReads | undefined): string | undefined {
  return reads?.clocks?.find((name) => state.clocks === undefined || own(state.clocks, name) === undefined);
}
