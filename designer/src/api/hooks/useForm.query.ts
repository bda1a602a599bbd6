// Query hook for one form at its latest version.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { getForm, type FormView } from '../forms';
import { ProblemError } from '../problem';

/** Query key of a form's latest version. */
export const formQueryKey = (id: string) => ['forms', id] as const;

/** The latest version of form `id`, or null when it was never saved (a new form). */
export function useForm(id: string) {
  return useQuery<FormView | null, ProblemError>({
    queryKey: formQueryKey(id),
    queryFn: async ({ signal }) => {
      try {
        return await bodyOf<FormView>(getForm(id), signal);
      } catch (error) {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
