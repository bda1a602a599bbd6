// Every executed corpus case and every in-scope model left out with its reason, by corpus folder.
import { bpmnElementsCases, bpmnElementsSkipped } from './bpmn-elements';
import { camunda8JsSdkCases, camunda8JsSdkSkipped } from './camunda-8-js-sdk';
import type { CorpusCase, SkippedModel } from './scenario';
import { zeebeProcessTestCases, zeebeProcessTestSkipped } from './zeebe-process-test';

export type { CorpusCase, CorpusContext, SkippedModel } from './scenario';
export { recordingJobTypes, type JobCall } from './workers';

/** The corpus cases executed on the real stack. */
export const corpusCases: CorpusCase[] = [...camunda8JsSdkCases, ...zeebeProcessTestCases, ...bpmnElementsCases];

/** Models inside the element set that are not executed, each with the reason. */
export const skippedModels: SkippedModel[] = [...camunda8JsSdkSkipped, ...zeebeProcessTestSkipped, ...bpmnElementsSkipped];

/** The corpus folders whose every compiling model must be executed or skipped with a reason. */
export const EXHAUSTIVE_FOLDERS = ['camunda-8-js-sdk', 'zeebe-process-test'];
