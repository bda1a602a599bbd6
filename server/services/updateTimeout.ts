// Updates the API waits for get a deadline: no answer in time is a timeout error (a 504), never a hung request.
import { type Client, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { timedOut } from '../../platform/errors';

/** Default wait for a case's answer to an Update: 30 s. */
export const DEFAULT_UPDATE_TIMEOUT_MS = 30_000;

/** How long the API waits for a case to answer an Update: UPDATE_TIMEOUT_MS (milliseconds, 100 to 600,000), else 30 s. */
export function updateTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.UPDATE_TIMEOUT_MS);
  return Number.isInteger(value) && value >= 100 && value <= 600_000 ? value : DEFAULT_UPDATE_TIMEOUT_MS;
}

/**
 * Sends an Update (`send`) with a deadline. No answer in time is a 504 `update-timeout`: the case may still apply the
 * change later (an Update Temporal accepted stays accepted), so the client is told to look before it retries.
 */
export async function withUpdateTimeout<T>(client: Client, caseId: string, send: () => Promise<T>, timeoutMs = updateTimeoutMs()): Promise<T> {
  try {
    return await client.withDeadline(Date.now() + timeoutMs, send);
  } catch (error) {
    if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
    throw timedOut(
      'update-timeout',
      `case ${caseId} did not answer within ${timeoutMs} ms; the change may still take effect, so reload the case before you retry`,
      { instanceId: caseId, timeoutMs },
    );
  }
}
