// Mutation hook that suspends, resumes or extends a clock of a case; the case and task lists are refreshed (due dates move).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { type ClockAction, type ClockChangeInput, type ClockChangeResult, changeClock } from '../clocks';
import type { CaseView } from '../instances';
import type { ProblemError } from '../problem';
import { caseQueryKey, CASES_QUERY_KEY } from './useCase.query';
import { TASKS_QUERY_KEY } from './useTasks.query';

/** One change: which clock, what to do, and the form's ground, reason and days. */
export interface ChangeClockInput extends ClockChangeInput {
  clock: string;
  action: ClockAction;
}

/** Changes a clock of case `instanceId`; the answer's clocks replace the case's at once, then cases and tasks are refetched. */
export function useChangeClock(instanceId: string) {
  const queryClient = useQueryClient();
  return useMutation<ClockChangeResult, ProblemError, ChangeClockInput>({
    mutationFn: ({ clock, action, ...input }) => bodyOf<ClockChangeResult>(changeClock(instanceId, clock, action, input)),
    onSuccess: ({ clocks }) => {
      queryClient.setQueryData<CaseView>(caseQueryKey(instanceId), (view) => (view ? { ...view, clocks } : view));
      return Promise.all([queryClient.invalidateQueries({ queryKey: CASES_QUERY_KEY }), queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY })]);
    },
  });
}
