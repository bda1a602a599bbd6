// Mutation hook that saves a form schema as the form's next version.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { saveForm, type FormInput, type FormView } from '../forms';
import type { ProblemError } from '../problem';
import { formQueryKey } from './useForm.query';
import { FORMS_QUERY_KEY } from './useForms.query';

/** Saves `{ id, schema, name }`; the form and the form list are refreshed. Errors: 422 carries `errors` per path. */
export function useSaveForm() {
  const queryClient = useQueryClient();
  return useMutation<FormView, ProblemError, FormInput & { id: string }>({
    mutationFn: ({ id, ...input }) => bodyOf<FormView>(saveForm(id, input)),
    onSuccess: async (form) => {
      queryClient.setQueryData(formQueryKey(form.id), form);
      await queryClient.invalidateQueries({ queryKey: FORMS_QUERY_KEY });
    },
  });
}
