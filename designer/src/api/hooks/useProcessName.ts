// Process keys as people read them: the deployed definition's name (for roles that may list processes), else the key.
import { useCallback } from 'react';
import { hasAnyRole, PROCESS_LISTERS } from '../../../../contracts/roles';
import { useDefinitions } from './useDefinitions.query';
import { useMe } from './useMe.query';

/** Returns a function from a definition key to its name; the definition list is read only by roles that may. */
export function useProcessName(): (key: string) => string {
  const roles = useMe().data?.roles ?? [];
  const mayRead = hasAnyRole(roles, PROCESS_LISTERS);
  const definitions = useDefinitions({ enabled: mayRead });
  return useCallback((key) => (mayRead ? definitions.data?.items.find((d) => d.key === key)?.name : undefined) ?? key, [definitions.data, mayRead]);
}
