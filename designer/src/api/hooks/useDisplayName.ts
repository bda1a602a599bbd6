// People as pages name them: the display name of each username a page shows (asked for once, then kept).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { bodyOf } from '../bodyOf';
import { type DisplayNameList, getDisplayNames } from '../people';
import type { ProblemError } from '../problem';

/** Query key of the display names of a sorted set of usernames. */
export const displayNamesQueryKey = (usernames: readonly string[]) => ['people', ...usernames] as const;

/** Returns a function from a username to the person's display name (the username until it is known or when it is not shown to the caller). */
export function useDisplayName(usernames: ReadonlyArray<string | null | undefined>): (username: string) => string {
  const wanted = useMemo(() => [...new Set(usernames.filter((name): name is string => Boolean(name)))].sort(), [usernames]);
  const names = useQuery<DisplayNameList, ProblemError>({
    queryKey: displayNamesQueryKey(wanted),
    queryFn: ({ signal }) => bodyOf<DisplayNameList>(getDisplayNames(wanted), signal),
    enabled: wanted.length > 0,
    staleTime: 10 * 60_000,
  });
  return useCallback((username) => names.data?.items.find((item) => item.username === username)?.displayName ?? username, [names.data]);
}
