// Where external job types run (platform/jobRouting.ts): jobs.<type> and 5 minutes unless the environment names others.
import { DEFAULT_EXTERNAL_JOB_TIMEOUT_MS, externalJobRoute } from '../../platform/jobRouting';
import { loadConfig } from '../../platform/config';

describe('externalJobRoute', () => {
  it('should route a type to jobs.<type> with a 5-minute attempt timeout by default', () => {
    // when / then
    expect(externalJobRoute('demo.external.reverse', {})).toEqual({ taskQueue: 'jobs.demo.external.reverse', timeoutMs: DEFAULT_EXTERNAL_JOB_TIMEOUT_MS });
    expect(DEFAULT_EXTERNAL_JOB_TIMEOUT_MS).toBe(300_000);
  });

  it('should take the queue and timeout SPARROW_JOB_TASK_QUEUES and SPARROW_JOB_TIMEOUTS name for the type, and NOT for another', () => {
    // given
    const env = { SPARROW_JOB_TASK_QUEUES: '{"archive.sync":"archive-workers"}', SPARROW_JOB_TIMEOUTS: '{"archive.sync":60000}' };

    // when / then
    expect(externalJobRoute('archive.sync', env)).toEqual({ taskQueue: 'archive-workers', timeoutMs: 60_000 });
    expect(externalJobRoute('constructor', env)).toEqual({ taskQueue: 'jobs.constructor', timeoutMs: 300_000 });
  });

  it('should refuse malformed settings with an error naming the variable, at start-up too', () => {
    // when / then
    expect(() => externalJobRoute('a', { SPARROW_JOB_TASK_QUEUES: 'jobs.a' })).toThrow(/SPARROW_JOB_TASK_QUEUES: not JSON/);
    expect(() => externalJobRoute('a', { SPARROW_JOB_TASK_QUEUES: '["q"]' })).toThrow(/SPARROW_JOB_TASK_QUEUES/);
    expect(() => externalJobRoute('a', { SPARROW_JOB_TIMEOUTS: '{"a":"5m"}' })).toThrow(/SPARROW_JOB_TIMEOUTS/);
    expect(() => loadConfig({ SPARROW_JOB_TIMEOUTS: '{"a":10}' })).toThrow(/invalid configuration: SPARROW_JOB_TIMEOUTS\.a/);
  });
});
