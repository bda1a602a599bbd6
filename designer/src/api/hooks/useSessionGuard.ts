// One place for "a 401 anywhere → the login page": any call refused for a missing session makes the app ask who is there.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getMe, login } from '../auth';
import { setUnauthorizedHandler, type RequestBuilder } from '../request';
import { ME_QUERY_KEY } from './useMe.query';

/** Calls whose 401 is an answer, not an expiry: a wrong password, and the user query itself (which shows the login page). */
const OWN_ANSWERS = new Set([login({ username: '', password: '' }).url, getMe().url]);

/**
 * Registers the app's 401 handler: while someone is signed in, a 401 from any call refetches the user query, whose
 * 401 shows the login page (the current URL stays, so signing in again returns there). Returns whether the session
 * expired under the user (for a notice on the login page); `signedIn` going true clears it.
 */
export function useSessionGuard(signedIn: boolean): boolean {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler((request: RequestBuilder) => {
      if (OWN_ANSWERS.has(request.url) || !queryClient.getQueryData(ME_QUERY_KEY)) return;
      setExpired(true);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  useEffect(() => {
    if (signedIn) setExpired(false);
  }, [signedIn]);

  return expired;
}
