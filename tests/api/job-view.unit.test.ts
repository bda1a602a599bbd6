// The REST job API's pure parts: a job's lock (cut at the attempt's own deadline), the retries a worker sees, and the
// variables handed over (only those asked for).
import { activatedJobView, retriesLeft } from '../../server/services/jobActivation';
import { lockFor } from '../../server/services/jobRows';
import type { JobDoc } from '../../store/models';

const holder = { username: 'bajiao-job-worker', worker: 'sync', lockMs: 60_000 };
const now = new Date('2026-12-04T08:00:00.000Z');

const row = (overrides: Partial<JobDoc> = {}): JobDoc =>
  ({
    _id: 'case:1/Sync/w1',
    type: 'demo.sync',
    taskToken: 'dG9rZW4=',
    attempt: 1,
    retries: 3,
    instanceId: 'rest-job:J-1',
    bpmnProcessId: 'rest-job',
    elementId: 'Sync',
    elementInstanceId: 'e3',
    headersJson: JSON.stringify({ region: 'bajiao' }),
    variablesJson: JSON.stringify({ caseNo: 'SJS-1', secret: 's', 'a.b': 1 }),
    attemptDeadline: null,
    lockedUntil: new Date(now.getTime() + 60_000),
    lockedBy: holder.username,
    worker: holder.worker,
    fetchedAt: now,
    ...overrides,
  }) as JobDoc;

describe('a job handed to a REST worker', () => {
  it('should be locked for as long as the worker asks', () => {
    expect(lockFor(holder, null, now)).toEqual({ lockedUntil: new Date('2026-12-04T08:01:00.000Z'), lockedBy: 'bajiao-job-worker', worker: 'sync' });
  });

  it('should NOT be locked past the moment Temporal times the attempt out', () => {
    const attemptDeadline = new Date('2026-12-04T08:00:30.000Z');
    expect(lockFor(holder, attemptDeadline, now).lockedUntil).toEqual(attemptDeadline);
  });

  it('should count the attempts left, this one included, never below one', () => {
    expect([retriesLeft({ retries: 3, attempt: 1 }), retriesLeft({ retries: 3, attempt: 3 }), retriesLeft({ retries: 0, attempt: 1 }), retriesLeft({ retries: 2, attempt: 5 })]).toEqual([3, 1, 1, 1]);
  });

  it('should carry only the variables asked for, and all when none are named', () => {
    expect(activatedJobView(row(), ['caseNo', 'missing']).variables).toEqual({ caseNo: 'SJS-1' });
    expect(activatedJobView(row(), []).variables).toEqual({ caseNo: 'SJS-1', secret: 's', 'a.b': 1 });
  });

  it('should answer in the shape of Camunda 8 activated jobs, the deadline being the lock', () => {
    expect(activatedJobView(row({ attempt: 2 }))).toEqual({
      jobKey: 'case:1/Sync/w1',
      type: 'demo.sync',
      processInstanceKey: 'rest-job:J-1',
      bpmnProcessId: 'rest-job',
      elementId: 'Sync',
      elementInstanceKey: 'e3',
      customHeaders: { region: 'bajiao' },
      variables: { caseNo: 'SJS-1', secret: 's', 'a.b': 1 },
      retries: 2,
      deadline: now.getTime() + 60_000,
      worker: 'sync',
    });
  });
});
