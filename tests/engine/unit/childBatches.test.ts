// A parallel multi-instance call activity over more items than a batch holds runs its child cases in batches: one
// subscription and one batch workflow per batch, no inner instances; outputs come back per batch, the completion
// condition is judged after each, failed children are an incident whose resolution starts them again.
import { bpmn, chain, endEvent, esc, startEvent } from './bpmn';
import { multiInstance, type Loop } from './bpmnLoops';
import { harnessFor } from './harness';

/** A campaign: call activity Sites (process site-inspection) over `=sites`, each site's input-mapped, the outcome collected. */
function campaign(loop: Partial<Loop> = {}, propagateAllParentVariables = false): string {
  const call = `<bpmn:callActivity id="Sites"><bpmn:extensionElements><zeebe:calledElement processId="site-inspection" propagateAllChildVariables="false" propagateAllParentVariables="${propagateAllParentVariables}" /><zeebe:ioMapping><zeebe:input source="${esc('=site')}" target="code" /><zeebe:output source="${esc('=outcome')}" target="outcome" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>`;
  const looped = multiInstance(call, { inputCollection: '=sites', inputElement: 'site', outputCollection: 'outcomes', outputElement: '=outcome', ...loop });
  return bpmn([startEvent('Start'), looped, endEvent('End'), ...chain('Start', 'Sites', 'End')]);
}

const SITES = ['BJ-1', 'BJ-2', 'BJ-3', 'BJ-4', 'BJ-5'];
const limits = { childBatchSize: 2 };

describe('multi-instance call activity in batches', () => {
  it('should start one batch per two sites, each child with its own id and input mappings, and no inner instances', async () => {
    // given a campaign over five sites with batches of two
    const h = await harnessFor(campaign(), { instanceId: 'campaign:2026', limits });

    // when the case starts
    h.start({ sites: SITES });

    // then three batches start (2, 2, 1 children) and the case waits for them alone
    const batches = h.commands.filter((c) => c.type === 'startChildBatch');
    expect(batches.map((b) => (b.type === 'startChildBatch' ? b.children.map((c) => c.loopCounter) : []))).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches[0]).toEqual({
      type: 'startChildBatch',
      elementId: 'Sites',
      batchInstanceId: 'campaign:2026/Sites/e3/batch4',
      children: [
        { loopCounter: 1, childInstanceId: 'campaign:2026/Sites/e3-1', processId: 'site-inspection', variables: { outcome: null, site: 'BJ-1', loopCounter: 1, code: 'BJ-1' } },
        { loopCounter: 2, childInstanceId: 'campaign:2026/Sites/e3-2', processId: 'site-inspection', variables: { outcome: null, site: 'BJ-2', loopCounter: 2, code: 'BJ-2' } },
      ],
    });
    expect(h.waits()).toEqual([
      { elementId: 'Sites', kind: 'childBatch', first: 1, count: 2 },
      { elementId: 'Sites', kind: 'childBatch', first: 3, count: 2 },
      { elementId: 'Sites', kind: 'childBatch', first: 5, count: 1 },
    ]);
    expect(h.activeElements()).toEqual(['Sites']);
    expect(h.stepAudit().filter((a) => a.kind === 'child.started')).toHaveLength(3);
  });

  it('should collect the outputs in item order as batches end, in any order, and then go on', async () => {
    // given a started campaign
    const h = await harnessFor(campaign(), { limits });
    h.start({ sites: SITES });

    // when the batches end, the last one first
    h.endChildBatch('Sites', 5, (n) => `done ${n}`);
    h.endChildBatch('Sites', 1, (n) => `done ${n}`);
    expect(h.status()).toBe('running');
    h.endChildBatch('Sites', 3, (n) => `done ${n}`);

    // then the outcomes are in item order and the case completes
    expect(h.variables()).toEqual({ sites: SITES, outcomes: ['done 1', 'done 2', 'done 3', 'done 4', 'done 5'] });
    expect(h.status()).toBe('completed');
    expect(h.audit().filter((a) => a.kind === 'child.completed')).toHaveLength(3);
  });

  it('should end early when the completion condition holds after a batch, cancelling the batches still open', async () => {
    // given a campaign that is done once three sites are done
    const h = await harnessFor(campaign({ completionCondition: '=numberOfCompletedInstances >= 3' }), { limits });
    h.start({ sites: SITES });

    // when two batches (four sites) end
    h.endChildBatch('Sites', 1, () => 'ok');
    h.endChildBatch('Sites', 3, () => 'ok');

    // then the last batch is cancelled, recorded, and the case completes with the outputs it has
    expect(h.commands).toContainEqual({ type: 'cancelChild', elementId: 'Sites', childInstanceId: 'case-1/Sites/e3/batch6' });
    expect(h.stepAudit()).toContainEqual({ kind: 'child.cancelled', elementId: 'Sites' });
    expect(h.variables()).toEqual({ sites: SITES, outcomes: ['ok', 'ok', 'ok', 'ok', null] });
    expect(h.status()).toBe('completed');
  });

  it('should raise one incident for the failed children once no batch is open, and start only them again when it is resolved', async () => {
    // given a started campaign
    const h = await harnessFor(campaign(), { limits });
    h.start({ sites: SITES });

    // when sites 2 and 5 fail
    h.endChildBatch('Sites', 1, () => 'ok', { 2: 'the called case ended cancelled' });
    h.endChildBatch('Sites', 3, () => 'ok');
    h.endChildBatch('Sites', 5, () => 'ok', { 5: 'process <site-inspection> is not deployed' });

    // then the body has one incident naming them
    expect(h.incidents()).toEqual([
      {
        elementId: 'Sites',
        kind: 'childFailed',
        message: '2 of the 5 called cases of <Sites> did not complete (#2: the called case ended cancelled; #5: process <site-inspection> is not deployed); resolving starts them again',
      },
    ]);

    // when it is resolved, then one batch starts the two again as their second attempts
    h.resolveIncident('Sites');
    const retried = h.commands.filter((c) => c.type === 'startChildBatch');
    expect(retried.map((b) => (b.type === 'startChildBatch' ? b.children.map((c) => c.childInstanceId) : []))).toEqual([['case-1/Sites/e3-2.2', 'case-1/Sites/e3-5.2']]);

    // when they complete, then the case completes with every outcome
    h.endChildBatch('Sites', 2, () => 'late');
    expect(h.variables()).toEqual({ sites: SITES, outcomes: ['ok', 'late', 'ok', 'ok', 'late'] });
    expect(h.status()).toBe('completed');
  });

  it('should cancel every open batch when the case is cancelled', async () => {
    // given a started campaign with one batch ended
    const h = await harnessFor(campaign(), { limits });
    h.start({ sites: SITES });
    h.endChildBatch('Sites', 1, () => 'ok');

    // when the case is cancelled
    h.cancel('the campaign is called off');

    // then the two open batches are cancelled
    expect(h.commands.filter((c) => c.type === 'cancelChild')).toHaveLength(2);
    expect(h.status()).toBe('cancelled');
  });

  it('should refuse, as an incident naming the way out, batches whose start variables would be too large', async () => {
    // given a campaign that propagates all its variables (the whole collection) to each child
    const h = await harnessFor(campaign({}, true), { limits: { ...limits, maxVariableBytes: 10_000_000 } });
    const big = (n: number) => `${n}:${'x'.repeat(400_000)}`;

    // when it starts over three large sites
    h.start({ sites: [big(1), big(2), big(3)] });

    // then nothing starts and the body has an incident
    expect(h.commands.filter((c) => c.type === 'startChildBatch')).toEqual([]);
    expect(h.incidents()).toEqual([
      expect.objectContaining({ elementId: 'Sites', kind: 'variables', message: expect.stringContaining('set propagateAllParentVariables="false"') }),
    ]);
  });

  it('should run a collection no larger than a batch as inner instances, one child each', async () => {
    // given a campaign over two sites with batches of two
    const h = await harnessFor(campaign(), { limits });

    // when it starts, then two single children start
    h.start({ sites: ['BJ-1', 'BJ-2'] });
    expect(h.commands.map((c) => c.type)).toEqual(['startChild', 'startChild']);
  });
});
