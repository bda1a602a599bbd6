// The job every benchmark step runs: a little real work (JSON round trip of the variables) and one new variable.
import type { JobType } from '../activities/jobs';

/** Job type `bench.step`: counts the variables after a JSON round trip and stores the count under the element's id. */
export const benchStep: JobType = {
  type: 'bench.step',
  title: { 'zh-CN': '基准步骤', en: 'Benchmark step' },
  description: { 'zh-CN': '基准测试用', en: 'Used by the benchmark' },
  handler: async ({ elementId, variables }) => ({ [elementId]: Object.keys(JSON.parse(JSON.stringify(variables))).length }),
};
