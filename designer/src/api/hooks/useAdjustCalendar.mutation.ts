// Mutation hooks that add or remove a local adjustment of the working-day calendar (each makes a new version).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { type AdjustmentInput, addAdjustment, type CalendarVersion, removeAdjustment } from '../calendar';
import type { ProblemError } from '../problem';
import { CALENDAR_QUERY_KEY } from './useCalendar.query';

/**
 * Adds (`input`) or removes (`{ remove: date }`) a local adjustment; every calendar query is refetched after, a refused
 * change too (another admin may have changed the day meanwhile: the page then shows the calendar as it now is).
 */
export function useAdjustCalendar() {
  const queryClient = useQueryClient();
  return useMutation<CalendarVersion, ProblemError, AdjustmentInput | { remove: string }>({
    mutationFn: (input) => bodyOf<CalendarVersion>('remove' in input ? removeAdjustment(input.remove) : addAdjustment(input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CALENDAR_QUERY_KEY }),
  });
}
