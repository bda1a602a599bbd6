// How the auditor's pages name who did something: a person by display name (GET /api/people), the engine's own
// steps (jobs, timers: actor `system`) as 系统; a username the caller may not see stays as it is.
import { useCallback } from 'react';
import { useDisplayName } from '../../api/hooks/useDisplayName';
import { useT } from '../../i18n/useT';

/** The actor the engine records for what no person did. */
const SYSTEM_ACTOR = 'system';

/** Returns a function from an actor of the audit chain or timeline (among `actors`) to the name people read. */
export function usePersonName(actors: ReadonlyArray<string | null | undefined>): (actor: string) => string {
  const t = useT();
  const displayName = useDisplayName(actors.filter((actor) => actor !== SYSTEM_ACTOR));
  return useCallback((actor) => (actor === SYSTEM_ACTOR ? t('audit.actor.system') : displayName(actor)), [displayName, t]);
}
