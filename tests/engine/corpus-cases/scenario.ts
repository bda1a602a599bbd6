// The shape of a corpus case (a model, its workers and its stated scenario) and the scenarios most models share.
import type { Variables } from '../../../engine/interpreter/types';
import type { CaseStateView } from '../../../workflows/definitions';
import { type CaseUnderTest, completedIds, tasksOf } from '../../support/cases';
import { eventually } from '../../support/wait';
import type { JobBehaviour, JobCall } from './workers';

/** What a scenario can do on the running stack. */
export interface CorpusContext {
  /** Deploys the case's model (process `processId` when it has several) and starts a case with `variables`. */
  start(variables?: Variables, processId?: string): Promise<CaseUnderTest>;
  /** The job activations a case's worker received, in order. */
  calls(instanceId: string): JobCall[];
  /** Waits until the worker has received `count` activations of `jobType` for the case. */
  untilCalls(instanceId: string, jobType: string, count: number): Promise<JobCall[]>;
}

/** One corpus model executed with the expectation its EXPECTATIONS.md / SCENARIOS.md states. */
export interface CorpusCase {
  /** Path under ../shared/corpora; it names the test. */
  corpus: string;
  /** A copy under tests/engine/corpus-fixtures with its JavaScript conditions translated to FEEL, when one was needed. */
  fixture?: string;
  /** The job types of the model and what the upstream test's worker does with each. */
  jobs?: Record<string, JobBehaviour>;
  /** Runs the stated scenario and asserts its path and end state. */
  run(ctx: CorpusContext): Promise<void>;
}

/** An in-scope model that is not executed, and why. */
export interface SkippedModel {
  corpus: string;
  reason: string;
}

/** Element ids in the order of their first completion (parallel branches and joins repeat ids). */
export const firstCompletions = (state: CaseStateView) => [...new Set(completedIds(state))];

/** How many times an element completed. */
export const timesCompleted = (state: CaseStateView, elementId: string) => completedIds(state).filter((id) => id === elementId).length;

/** Waits until the case has ended or stopped on an incident, and expects the former (a stuck case fails fast, naming its incident). */
export async function ended(c: CaseUnderTest): Promise<CaseStateView> {
  const state = await c.until((s) => s.status !== 'running' || s.incidents.length > 0, 'the end of the case');
  expect(state.incidents).toEqual([]);
  return state;
}

/** Scenario: the case, started with `variables`, runs to its end along `path` without any outside help. */
export function completesAlong(path: string[], variables: Variables = {}): CorpusCase['run'] {
  return async ({ start }) => {
    // given a case started with the variables
    const c = await start(variables);

    // when it runs
    const state = await ended(c);

    // then it completes along the stated path, keeping its variables
    expect(state.status).toBe('completed');
    expect(completedIds(state)).toEqual(path);
    expect((await c.result()).variables).toMatchObject(variables);
  };
}

/** Scenario: the case waits at a job no worker services (`elementId`, of `jobType`) until it is cancelled. */
export function waitsAtJobUntilCancelled(elementId: string, jobType: string, before: string[]): CorpusCase['run'] {
  return async ({ start, untilCalls }) => {
    // given a case whose job is activated but never answered
    const c = await start();
    await untilCalls(c.id, jobType, 1);
    const waiting = await c.until((s) => s.activeElements.some((a) => a.elementId === elementId), `a token on <${elementId}>`);
    expect(waiting).toMatchObject({ status: 'running', incidents: [] });

    // when it is cancelled
    await c.cancel();

    // then it ends as cancelled, having passed only the elements before the job
    expect((await c.result()).status).toBe('cancelled');
    expect(completedIds(await c.state())).toEqual(before);
  };
}

/** Scenario: the case waits at user task `elementId` until it is completed through the completeTask update. */
export function userTaskCompletes(elementId: string, path: string[], form: { formKey?: string; formId?: string } = {}): CorpusCase['run'] {
  return async ({ start }) => {
    // given a case waiting at its user task, which the task list shows with its form
    const c = await start();
    const rows = await eventually(async () => {
      const found = await tasksOf(c.id);
      return found.length > 0 ? found : undefined;
    }, 'the task in the task list');
    expect(rows).toEqual([expect.objectContaining({ elementId, status: 'open', ...form })]);

    // when the task is completed
    await c.completeTask(elementId, { done: true });

    // then the case completes along the stated path with the submitted variables
    await ended(c);
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { done: true } });
    expect(completedIds(await c.state())).toEqual(path);
  };
}

/** Scenario: the case waits at a message catch correlated by `keyVariable` until message `name` with that key arrives. */
export function messageCorrelates(name: string, keyVariable: string, catchId: string, path: string[]): CorpusCase['run'] {
  return async ({ start }) => {
    // given a case subscribed to the message by its correlation key, which a message with another key does not reach
    const key = `key-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const c = await start({ [keyVariable]: key });
    await c.until((s) => s.activeElements.some((a) => a.elementId === catchId), `the token on <${catchId}>`);
    await expect(c.correlate(name, `other-${key}`)).rejects.toThrow();

    // when the message is published with that key
    await c.correlate(name, key, { correlated: true });

    // then the case completes with its key and the message's variables
    await ended(c);
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { [keyVariable]: key, correlated: true } });
    expect(completedIds(await c.state())).toEqual(path);
  };
}
