// The formats of Sparrow's ids, written once: the engine, the workflow, the read model and the audit timeline build and
// read them from here.

/** What a token waits for, as the suffix of its wait id. */
export type WaitSuffix = 'job' | 'timer' | 'msg';

/** The id of the wait a token holds: `<tokenId>:<suffix>`. */
export const waitIdOf = (tokenId: string, suffix: WaitSuffix): string => `${tokenId}:${suffix}`;

/** A job's key, stable across retries and unique over all cases: `<workflowId>/<waitId>`. */
export const jobKeyOf = (workflowId: string, waitId: string): string => `${workflowId}/${waitId}`;

/** A user task's id, also its read-model row id: `<workflowId>/<elementId>/<tokenId>`. */
export const taskIdOf = (workflowId: string, elementId: string, tokenId: string): string => `${workflowId}/${elementId}/${tokenId}`;
