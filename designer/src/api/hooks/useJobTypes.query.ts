// Query hook for the job type registry.
import { useQuery } from '@tanstack/react-query';
import { bodyOf } from '../bodyOf';
import { type JobTypeList, listJobTypes } from '../jobTypes';
import type { ProblemError } from '../problem';

/** Query key of the job type registry. */
export const JOB_TYPES_QUERY_KEY = ['job-types'] as const;

/** How often the registry is read again while shown (who serves a type changes as workers come and go). */
const JOB_TYPES_POLL_MS = 15_000;

/** The job types with the processes using them and who serves them. */
export function useJobTypes() {
  return useQuery<JobTypeList, ProblemError>({
    queryKey: JOB_TYPES_QUERY_KEY,
    queryFn: ({ signal }) => bodyOf<JobTypeList>(listJobTypes(), signal),
    refetchInterval: JOB_TYPES_POLL_MS,
  });
}
