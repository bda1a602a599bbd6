// What a timeline step lists besides its variables (pure): the waits withdrawn when its element ended (`withdrawn`:
// job, timer, message, signal) and the events it threw or received (`events`), as audit/timeline.ts adds them.

/** A wait of the step's element that was withdrawn. */
export interface WithdrawnWait {
  seq: number;
  what: string;
  at: string;
}

/** An event the step's element threw or received (an audit entry kind). */
export interface NotedEvent {
  seq: number;
  kind: string;
  at: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The step's withdrawn waits in seq order (rows without a seq, kind or time are left out). */
export function withdrawnOf(data: Record<string, unknown>): WithdrawnWait[] {
  return listOf(data.withdrawn)
    .filter((w) => typeof w.seq === 'number' && typeof w.what === 'string' && typeof w.at === 'string')
    .map((w) => ({ seq: w.seq as number, what: w.what as string, at: w.at as string }))
    .sort((a, b) => a.seq - b.seq);
}

/** The step's thrown and received events in seq order. */
export function eventsOf(data: Record<string, unknown>): NotedEvent[] {
  return listOf(data.events)
    .filter((e) => typeof e.seq === 'number' && typeof e.kind === 'string' && typeof e.at === 'string')
    .map((e) => ({ seq: e.seq as number, kind: e.kind as string, at: e.at as string }))
    .sort((a, b) => a.seq - b.seq);
}

/** The kinds of wait the designer names (`audit.withdrawn.<what>`); others are named as a wait. */
export const NAMED_WAITS = ['job', 'timer', 'message', 'signal'] as const;
