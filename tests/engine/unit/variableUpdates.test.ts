// Variables set by hand (PATCH /api/instances/:id/variables): Camunda 8's set variables with local=true — on the
// process scope or on one element instance's scope — recorded with who and why; then a resolved incident retries
// with the corrected data. Refusals change nothing.
import { jsonSha256 } from '../../../engine/hash';
import { DEFAULT_LIMITS } from '../../../engine/interpreter';
import * as v1 from '../../../engine/v1/interpreter';
import { caseRejectionOf } from '../../../workflows/caseEngine';
import { bpmn, chain, endEvent, serviceTask, startEvent, subProcess, userTask } from './bpmn';
import { harnessFor, type Vars } from './harness';

/** Check (a service task reading permitNo), then Review (a user task). */
const checkThenReview = bpmn([startEvent('Start'), serviceTask('Check', 'permit.check', { retries: 1 }), userTask('Review'), endEvent('End'), ...chain('Start', 'Check', 'Review', 'End')]);

/** A subprocess Handle (its own variable `team` from an input mapping) holding the service task Dispatch. */
const handleDispatch = bpmn([
  startEvent('Start'),
  subProcess('Handle', [startEvent('SubStart'), serviceTask('Dispatch', 'team.dispatch', { retries: 1 }), endEvent('SubEnd'), ...chain('SubStart', 'Dispatch', 'SubEnd')], { inputs: { team: '=defaultTeam' } }),
  endEvent('End'),
  ...chain('Start', 'Handle', 'End'),
]);

/** Variables with an own entry named __proto__ (as a JSON request body would carry it). */
const protoVars = (value: unknown): Vars => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Vars;

describe('variables set by hand', () => {
  it('should set variables on the process scope and record who, why and the hashes of the old and new values', async () => {
    // given a case waiting at Review with caseNo 7
    const h = await harnessFor(checkThenReview);
    h.start({ caseNo: 7 }).completeJob('Check', {});

    // when a commander corrects caseNo and adds owner
    h.setVariables({ caseNo: 8, owner: 'wang' }, '门牌号录入错误', { actor: 'commander' });

    // then the process holds them, nothing else happened, and one variables.set entry says who, why and what
    expect(h.variables()).toEqual({ caseNo: 8, owner: 'wang' });
    expect(h.commands).toEqual([]);
    expect(h.stepAudit()).toEqual([{ kind: 'variables.set' }]);
    const [data] = h.auditData('variables.set');
    expect(data).toEqual({
      reason: '门牌号录入错误',
      scope: expect.any(String),
      names: ['caseNo', 'owner'],
      changes: [
        { name: 'caseNo', scope: data.scope, oldHash: jsonSha256(7), newHash: jsonSha256(8) },
        { name: 'owner', scope: data.scope, oldHash: null, newHash: jsonSha256('wang') },
      ],
    });
  });

  it('should let a failed job run again with the corrected data once its incident is resolved', async () => {
    // given Check failed for want of a permit number: an incident
    const h = await harnessFor(checkThenReview);
    h.start({ permitNo: null }).failJob('Check', 'no permit number');
    expect(h.incidents()).toEqual([{ elementId: 'Check', kind: 'jobFailed', message: 'no permit number' }]);

    // when the variable is fixed, then the incident resolved
    h.setVariables({ permitNo: 'P-7' }, '补录许可证号');
    h.resolveIncident('Check');

    // then the job runs again and sees the corrected value
    expect(h.commands).toEqual([expect.objectContaining({ type: 'runJob', elementId: 'Check', variables: { permitNo: 'P-7' } })]);
    h.completeJob('Check', {});
    expect(h.activeElements()).toEqual(['Review']);
  });

  it('should set variables on a subprocess scope, not on the process, when the subprocess instance is named', async () => {
    // given Dispatch failed inside Handle, whose own variable team came from its input mapping
    const h = await harnessFor(handleDispatch);
    h.start({ defaultTeam: 'A' }).failJob('Dispatch', 'team A is off duty');

    // when team is set on Handle's scope and the incident resolved
    h.setVariables({ team: 'B' }, '改派 B 组', { at: 'Handle' });
    h.resolveIncident('Dispatch');

    // then the subprocess holds the new team, the process does not, and the retried job sees it
    expect(h.localVariables('Handle')).toEqual({ team: 'B' });
    expect(h.variables()).toEqual({ defaultTeam: 'A' });
    expect(h.commands).toEqual([expect.objectContaining({ type: 'runJob', elementId: 'Dispatch', variables: { defaultTeam: 'A', team: 'B' } })]);
    expect(h.audit()).toContainEqual({ kind: 'variables.set', elementId: 'Handle' });
  });

  it('should set an element instance\'s own (local) variables when that element is named', async () => {
    // given Check waiting for its job
    const h = await harnessFor(checkThenReview);
    h.start({ caseNo: 7 });

    // when a variable is set on Check's own scope
    h.setVariables({ hint: 'call first' }, '提示', { at: 'Check' });

    // then it is Check's local, not the process's
    expect(h.localVariables('Check')).toEqual({ hint: 'call first' });
    expect(h.variables()).toEqual({ caseNo: 7 });
  });

  it('should allow replacing a large value with a small one near the size limit', async () => {
    // given a case whose variables are near a 200-byte limit
    const h = await harnessFor(checkThenReview, { limits: { maxVariableBytes: 200 } });
    h.start({ blob: 'x'.repeat(150) });

    // when the large value is replaced by a small one, then that is accepted
    h.setVariables({ blob: 'y' }, '清理');
    expect(h.variables()).toEqual({ blob: 'y' });
  });

  describe('refusals (nothing changes, nothing is recorded)', () => {
    const refused = async (act: (h: Awaited<ReturnType<typeof harnessFor>>) => unknown, message: string | RegExp) => {
      const h = await harnessFor(checkThenReview, { limits: { maxVariableBytes: 200 } });
      h.start({ caseNo: 7 });
      const before = h.audit().length;
      expect(() => act(h)).toThrow(message);
      expect(h.variables()).toEqual({ caseNo: 7 });
      expect(h.audit()).toHaveLength(before);
    };

    it('should NOT set variables on an element instance that is not active', async () => {
      await refused((h) => h.setVariables({ x: 1 }, 'fix', { scopeId: 'e999' }), 'event variablesSet refused: element instance e999 is not active in this case');
    });

    it('should NOT set variables beyond the size limit', async () => {
      await refused((h) => h.setVariables({ blob: 'x'.repeat(200) }, 'fix'), 'event variablesSet refused: variables would exceed the limit of 200 bytes per case');
    });

    it('should NOT set a variable named __proto__', async () => {
      await refused((h) => h.setVariables(protoVars({ polluted: true }), 'fix'), 'event variablesSet refused: variables must not be named __proto__');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('should NOT set variables without a reason, or without variables', async () => {
      await refused((h) => h.setVariables({ x: 1 }, '  '), 'event variablesSet refused: a change of variables needs a reason');
      await refused((h) => h.setVariables({}, 'fix'), 'event variablesSet refused: a change of variables needs at least one variable');
    });

    it('should NOT set variables that are no object', async () => {
      await refused((h) => h.setVariables([1, 2] as unknown as Vars, 'fix'), 'event variablesSet refused: variables must be a JSON object');
    });
  });

  it('should NOT set variables of a case that has ended', async () => {
    // given a cancelled case
    const h = await harnessFor(checkThenReview);
    h.start({ caseNo: 7 }).cancel('duplicate');

    // when variables are set, then that is refused
    expect(() => h.setVariables({ caseNo: 8 }, 'fix')).toThrow('event variablesSet refused: the case is cancelled');
  });
});

describe('variables set by hand on a case of engine v1', () => {
  it('should NOT be applied: the v1 interpreter has no variable updates', () => {
    // given a case recorded before engine v2 (state format 1)
    const state = v1.emptyState('old-case', '2026-01-01T00:00:00.000Z');

    // when a variable update is judged, then it is refused, saying why
    const event = { type: 'variablesSet', at: '2026-01-01T00:00:00.000Z', actor: 'commander', variables: { x: 1 }, reason: 'fix' } as const;
    expect(caseRejectionOf(state, event, DEFAULT_LIMITS)).toBe('the case runs on engine v1, which has no signals, child cases, legal time or variable updates');
  });
});
