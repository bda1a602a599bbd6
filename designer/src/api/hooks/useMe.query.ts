// Query hook for the signed-in user; it also keeps the session's CSRF token for state-changing calls.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMe, type Me } from '../auth';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { setCsrfToken } from '../request';

/** Query key of the signed-in user; sign-in and sign-out replace it. */
export const ME_QUERY_KEY = ['me'] as const;

/** The query of the signed-in user (the boot starts it before the app renders; useMe reads it). */
export const meQuery = queryOptions<Me, ProblemError>({
  queryKey: ME_QUERY_KEY,
  queryFn: async ({ signal }) => {
    const me = await bodyOf<Me>(getMe(), signal);
    setCsrfToken(me.csrfToken);
    return me;
  },
  retry: false,
  staleTime: 60_000,
});

/** The signed-in user; a 401 error means nobody is signed in (never retried). */
export function useMe() {
  return useQuery(meQuery);
}
