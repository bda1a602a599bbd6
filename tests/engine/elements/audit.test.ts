// Audit: every transition of a case is an AuditEvent row, in seq order without gaps, with its actor.
import path from 'node:path';
import { jsonSha256 } from '../../../engine/hash';
import { auditWhen, runCase } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = path.join(__dirname, 'fixtures', 'audit.bpmn');

describe('audit', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should record a simple case as audit rows in seq order without gaps, each with its actor', async () => {
    // given a case start -> user task -> end, started by "test"
    const c = await runCase(stack, fixture, { variables: { report: 'R-1' } });

    // when alice completes the task
    await c.completeTask('Review', { verdict: 'ok' }, 'alice');
    await c.result();

    // then the audit collection holds the case's steps, numbered 1..n
    const rows = await auditWhen(c.id, (found) => found.some((r) => r.kind === 'instance.completed'), 'the instance.completed audit row');
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => [r.kind, r.elementId ?? null, r.actor])).toEqual([
      ['instance.started', null, 'test'],
      ['element.entered', 'Start', 'test'],
      ['element.left', 'Start', 'test'],
      ['element.entered', 'Review', 'test'],
      ['task.opened', 'Review', 'test'],
      ['task.completed', 'Review', 'alice'],
      ['variables.changed', 'Review', 'alice'],
      ['element.left', 'Review', 'alice'],
      ['element.entered', 'End', 'alice'],
      ['element.left', 'End', 'alice'],
      ['instance.completed', null, 'alice'],
    ]);

    // and the rows carry their times and data
    expect(rows.every((r) => r.at instanceof Date)).toBe(true);
    const taskId = JSON.parse(rows[4].dataJson ?? '{}').taskId;
    expect(taskId).toBe(`${c.id}/Review/e3`);
    expect(JSON.parse(rows[5].dataJson ?? '{}')).toEqual({ taskId, variables: ['verdict'], variablesHash: jsonSha256({ verdict: 'ok' }) });
    expect(JSON.parse(rows[6].dataJson ?? '{}')).toEqual({ names: ['verdict'], changes: [{ name: 'verdict', scope: expect.any(String), oldHash: null, newHash: jsonSha256('ok') }] });
  });
});
