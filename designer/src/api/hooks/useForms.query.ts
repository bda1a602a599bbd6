// Query hook for the list of forms.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { listForms, type FormList } from '../forms';
import type { ProblemError } from '../problem';

/** Query key of the form list; invalidate it after saving a form. */
export const FORMS_QUERY_KEY = ['forms'] as const;

/** The forms, most recently saved first. */
export function useForms() {
  return useQuery<FormList, ProblemError>({
    queryKey: FORMS_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<FormList>(listForms(), signal),
  });
}
