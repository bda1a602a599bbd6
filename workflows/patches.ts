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
