// A parallel multi-instance call activity over more items than a batch holds, on the real stack: batch workflows start
// the child cases (each a case of its own in the parent's street and business key, its task in the task list), the
// outputs come back in item order, the parent's chain records each batch with its children's final chain heads, and
// cancelling the parent cancels every child through its batch.
import fs from 'node:fs';
import path from 'node:path';
import { deploy } from '../../../server/services/definitions';
import { Task } from '../../../store/models';
import { auditWhen, runCase, summariesWhere } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';
import { completeTaskUpdate } from '../../../workflows/definitions';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const SITES = ['BJ-1', 'BJ-2', 'BJ-3', 'BJ-4', 'BJ-5'];

describe('multi-instance call activity in batches', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await deploy({ xml: fs.readFileSync(fixture('call-child-visit.bpmn'), 'utf8'), deployedBy: 'test' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** The open tasks of the child cases of `parentId`, once there are `count` of them. */
  async function childTasks(parentId: string, count: number) {
    const children = await eventually(async () => {
      const rows = await summariesWhere({ parentInstanceId: parentId });
      return rows.length === count ? rows : undefined;
    }, `${count} child cases of ${parentId}`);
    const ids = children.map((c) => c._id);
    return eventually(async () => {
      const tasks = await Task.find({ instanceId: { $in: ids }, status: 'open' }).lean();
      return tasks.length === count ? tasks : undefined;
    }, `${count} open child tasks`);
  }

  it('should run one child case per site through batches and collect the verdicts in site order', async () => {
    // given a campaign over five sites in batches of two
    const c = await runCase(stack, fixture('batch-campaign.bpmn'), { variables: { sites: SITES }, businessKey: 'campaign-batched', limits: { childBatchSize: 2 } });

    // then five child cases wait in the task list, in the campaign's business key, each with its site
    const tasks = await childTasks(c.id, SITES.length);
    const children = (await summariesWhere({ parentInstanceId: c.id })).sort((a, b) => (a._id < b._id ? -1 : 1));
    expect(children.map((child) => child._id)).toEqual(SITES.map((_, i) => expect.stringMatching(new RegExp(`^${c.id}/Sites/e\\d+-${i + 1}$`))).sort());
    expect(children.every((child) => child.businessKey === 'campaign-batched' && child.parentElementId === 'Sites')).toBe(true);

    // when every site's task is completed with a verdict naming the site
    for (const task of tasks) {
      const site = String(task._id).replace(/.*-(\d+)\/Inspect\/.*/, 'BJ-$1');
      await stack.client.workflow.getHandle(task.instanceId).executeUpdate(completeTaskUpdate, { args: [{ taskId: String(task._id), variables: { verdict: `${site} ok` }, actor: 'inspector' }] });
    }

    // then the campaign completes with the verdicts in site order
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { verdicts: SITES.map((s) => `${s} ok`) } });

    // and its chain records three batches, each with its children's final chain heads, which match their chains
    const parentAudit = await auditWhen(c.id, (rows) => rows.filter((r) => r.kind === 'child.completed').length === 3, 'three batches completed');
    expect(parentAudit.filter((r) => r.kind === 'child.started')).toHaveLength(3);
    const completed = parentAudit.filter((r) => r.kind === 'child.completed').flatMap((r) => JSON.parse(r.dataJson ?? '{}').completed as Array<{ childInstanceId: string; auditHead: { lastSeq: number; hash: string } }>);
    expect(completed).toHaveLength(SITES.length);
    const first = completed[0];
    const childAudit = await auditWhen(first.childInstanceId, (rows) => rows.some((r) => r.kind === 'instance.completed'), 'the child chain closed');
    const last = childAudit[childAudit.length - 1];
    expect(first.auditHead).toEqual({ lastSeq: last.seq, hash: last.hash });
  });

  it('should cancel every child case through its batch when the campaign is cancelled', async () => {
    // given a running campaign over five sites in batches of two, its children waiting
    const c = await runCase(stack, fixture('batch-campaign.bpmn'), { variables: { sites: SITES }, limits: { childBatchSize: 2 } });
    await childTasks(c.id, SITES.length);

    // when the campaign is cancelled
    await c.cancel('the campaign is called off');

    // then every child case is cancelled and its task with it
    expect((await c.result()).status).toBe('cancelled');
    const children = await eventually(async () => {
      const rows = await summariesWhere({ parentInstanceId: c.id });
      return rows.every((r) => r.status === 'cancelled') ? rows : undefined;
    }, 'every child cancelled');
    expect(children).toHaveLength(SITES.length);
    expect(await Task.countDocuments({ instanceId: { $in: children.map((r) => r._id) }, status: 'open' })).toBe(0);
  });
});
