// Mutation hook that signs out and forgets everything the session had loaded.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '../auth';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';
import { setCsrfToken } from '../request';
import { ME_QUERY_KEY } from './useMe.query';

/** Signs out; afterwards every cached query is dropped and the user query is refetched (answering 401). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, ProblemError, void>({
    mutationFn: () => bodyOf<void>(logout()),
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
