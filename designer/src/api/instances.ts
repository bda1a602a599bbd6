// Request builders and response types for cases: start one, read one with its workflow state.
import type { z } from 'zod';
import type { caseState, childCaseView, elementLabel, instanceView, parentCaseView } from '../../../contracts/api/instances';
import type { ClockView } from '../../../contracts/legalTime';
import type { RequestBuilder } from './request';

/** The case that called this one through a call activity, and that call activity. */
export type ParentCase = z.output<typeof parentCaseView>;

/** A case started by one of this case's call activities. */
export type ChildCase = z.output<typeof childCaseView>;

/**
 * A case with its summary and the workflow's current state, as `GET /api/instances/:id` answers; `parent` and
 * `children` link call activities' cases (a server before issue 13 leaves `children` out); `clocks` are its statutory
 * clocks as at the request (a server before issue 14 leaves them out); `elements` names and kinds its process's elements
 * (a server before issue 17 leaves them out).
 */
export type CaseView = z.output<typeof instanceView> & {
  state: z.output<typeof caseState>;
  parent?: ParentCase;
  children?: ChildCase[];
  clocks?: ClockView[];
  elements?: Record<string, z.output<typeof elementLabel>>;
};

/** Whether a case runs or how it ended, as people see it. */
export type CaseStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/**
 * The status of a case: its summary's once the summary says it ended (the server marks a case whose workflow failed,
 * was terminated or timed out `failed`, while the workflow's own state may still say running), else the workflow's.
 */
export function caseStatusOf(view: Pick<CaseView, 'status' | 'state'>): CaseStatus {
  return view.status === 'completed' || view.status === 'cancelled' || view.status === 'failed' ? view.status : view.state.status;
}

/** One finished element run in the case state (`state.completed`), for the timeline and the diagram. */
export interface CompletedElement {
  elementId: string;
  tokenId: string;
  startedAt: string;
  endedAt: string;
}

/** Body of `POST /api/instances`. */
export interface StartCaseInput {
  definitionKey: string;
  businessKey: string;
  street?: string | null;
  variables: Record<string, unknown>;
}

/** The answer of starting a case. */
export interface StartedCase {
  id: string;
  definitionKey: string;
  version: number;
  businessKey: string;
  street: string | null;
}

/** Starts a case of the latest version of a deployed process; the same key twice in a process is a 409. */
export function startCase(input: StartCaseInput, idempotencyKey?: string): RequestBuilder {
  return { method: 'POST', url: '/api/instances', body: input, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined };
}

/** One case with its state (active elements, open tasks, completed elements, variables). */
export function getCase(id: string): RequestBuilder {
  return { method: 'GET', url: `/api/instances/${encodeURIComponent(id)}` };
}
