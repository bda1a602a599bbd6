// The app's TanStack Query client and its retry policy.
import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

const MAX_RETRIES = 2;

/** Retries only what may heal by itself: no response at all, or a 5xx; a 4xx is the request's fault. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !(error instanceof ProblemError) || error.status === 0 || error.status >= 500;
}

/** Creates the query client shared by the whole app. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
