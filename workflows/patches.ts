// Patch ids of workflow changes that alter what a recorded history replays to (see docs/ARCHITECTURE.md, *Determinism*).
// Each is asked with `patched(id)` once, at the start of the workflow, in the order below: true for cases started since, false on replay of
// histories recorded before it.

/** Issue 10's bounds: FEEL budget, due/follow-up dates checked, incidents looked up as own properties. */
export const BOUNDS_PATCH = 'sparrow-issue10-bounds';

/**
 * Issue 12's interpreter: element instances and subscriptions (engine/interpreter, state format 2). Cases recorded
 * before it run on the frozen engine/v1 for their whole life.
 */
export const ENGINE_V2_PATCH = 'sparrow-issue12-engine-v2';

/**
 * Issue 13's continue-as-new: a run whose history grew past its limit continues as new at a safe point, carrying the
 * engine state. Asked after the two above; histories recorded before it never continue. A continued run is a new
 * execution, where every patch answers true; its carried state's format picks the interpreter (always format 2).
 */
export const CONTINUE_AS_NEW_PATCH = 'sparrow-issue13-continue-as-new';

/**
 * Issue 13's call activities: a Temporal cancellation of a case (its calling case cancelled the call activity, or an
 * operator) cancels the case as the cancel Update does — open tasks closed, `instance.cancelled` recorded — with its
 * writes shielded from the cancellation. Asked after the continue-as-new patch; cases recorded before it are
 * cancelled by Temporal as before (no writes).
 */
export const CASE_CANCELLATION_PATCH = 'sparrow-issue13-case-cancellation';

/**
 * Issue 14's legal time: `limits.legalTime` — working-day FEEL functions, statutory clocks and the case's calendar (from
 * the start input, or the current one read by a local activity). Asked after the case-cancellation patch; cases
 * recorded before it run without legal time for their whole life (a continued run carries the answer of its first).
 */
export const LEGAL_TIME_PATCH = 'sparrow-issue14-legal-time';

/**
 * Issue 16's external job workers: a job whose task definition names an external route (a type no built-in handler
 * serves, recorded by the deployment) runs as the activity `<type>` on the route's task queue, with ExternalJobInput.
 * Asked after the legal-time patch; cases recorded before it run every job on the worker's own queue.
 */
export const EXTERNAL_JOBS_PATCH = 'sparrow-issue16-external-jobs';

/**
 * Issue 16's message buffering: `limits.messageBuffer` — each message subscription opened polls the message buffer
 * (pollMessageBuffer), so a message published before the case waited for it is correlated within its time-to-live.
 * Asked last; cases recorded before it never poll (a continued run carries the answer of its first).
 */
export const MESSAGE_BUFFER_PATCH = 'sparrow-issue16-message-buffer';
