// What the Temporal worker runs with beyond the SDK's defaults, chosen by measurement (npm run bench -- --tuning, issue 15 row 1).
import type { WorkerOptions } from '@temporalio/worker';

/** Worker options measured faster than the SDK's defaults on the bench's ten-step chain (none so far: see the row 1 report). */
export const sparrowWorkerTuning: Partial<WorkerOptions> = {};

/**
 * Modules evaluated once per workflow sandbox instead of once per workflow execution (the SDK's `preloadModules`; they
 * are shared and deep-frozen): the metered FEEL builtins, whose set-up parses 43 FEEL names, and with them feelin and
 * its parser. Stateless at module level, so sharing them cannot leak one case into another; without this each new
 * workflow spent about half its first activation evaluating them.
 */
export const workflowPreloadModules: string[] = [require.resolve('../engine/feelBuiltins')];
