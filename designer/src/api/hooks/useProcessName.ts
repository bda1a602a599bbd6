// Process keys as people read them: the deployed definition's name (for roles that may read definitions), else the key.
import { useCallback } from 'react';
import { DEFINITION_READERS, hasAnyRole } from '../roles';
import { useDefinitions } from './useDefinitions.query';
import { useMe } from './useMe.query';

/** Returns a function from a definition key to its name; the definition list is read only by roles that may. */
export function useProcessName(): (key: string) => string {
  const roles = useMe().data?.roles ?? [];
  const mayRead = hasAnyRole(roles, DEFINITION_READERS);
  const definitions = useDefinitions({ enabled: mayRead });
  return useCallback((key) => (mayRead ? definitions.data?.items.find((d) => d.key === key)?.name : undefined) ?? key, [definitions.data, mayRead]);
}
