// Mutation hook for the auditor's one-click check: the chain's verification and the replay check, side by side.
import { useMutation } from '@tanstack/react-query';
import { type ChainVerification, type ReplayCheck, replayCheckCase, verifyCaseChain } from '../audit';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';

/** Each check's answer, or the problem that kept it from answering. */
export interface CaseChecks {
  chain: { result: ChainVerification; error: null } | { result: null; error: ProblemError };
  replay: { result: ReplayCheck; error: null } | { result: null; error: ProblemError };
}

async function settle<T>(promise: Promise<T>): Promise<{ result: T; error: null } | { result: null; error: ProblemError }> {
  try {
    return { result: await promise, error: null };
  } catch (error) {
    return { result: null, error: error as ProblemError };
  }
}

/** Runs `POST …/audit/verify` and `POST …/replay-check` of case `id` together; neither changes anything. */
export function useVerifyCase(id: string) {
  return useMutation<CaseChecks, ProblemError, void>({
    mutationFn: async () => {
      const [chain, replay] = await Promise.all([settle(bodyOf<ChainVerification>(verifyCaseChain(id))), settle(bodyOf<ReplayCheck>(replayCheckCase(id)))]);
      return { chain, replay };
    },
  });
}
