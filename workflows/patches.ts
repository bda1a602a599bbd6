// Patch ids of workflow changes that alter what a recorded history replays to (see docs/ARCHITECTURE.md, *Determinism*).
// Each is asked with `patched(id)` once, at the start of the workflow: true for cases started since, false on replay of
// histories recorded before it.

/** Issue 10's bounds: FEEL budget, due/follow-up dates checked, incidents looked up as own properties. */
export const BOUNDS_PATCH = 'sparrow-issue10-bounds';
