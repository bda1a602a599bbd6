// Mutation hook that signs in and makes the answer the signed-in user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login, type LoginInput, type Me } from '../auth';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { setCsrfToken } from '../request';
import { ME_QUERY_KEY } from './useMe.query';

/** Signs in; on success the user query holds the new user and the CSRF token is kept. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<Me, ProblemError, LoginInput>({
    mutationFn: (input) => bodyOf<Me>(login(input)),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}
