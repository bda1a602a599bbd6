// Who holds an open user task, as engine state (issue 11): claims, unclaims and assignments are interpreter events,
// checked by rejectionOf with the messages the API maps (409 task-claimed / task-closed) and applied by step, which
// records them and asks the workflow to write the task row; a change to the holder it already has records nothing.
import { emptyState, type EngineEvent, type EngineState, holderOf, rejectionOf, step } from '../../../engine/interpreter';
import type { ExecutableModel } from '../../../engine/model';
import { compileModel, startingAt } from '../compile/harness';

const AT = '2025-03-01T08:00:00.000Z';
const TASK = 'case-1/Review/e3';

/** A case of `model` waiting at its Review task. */
function started(model: ExecutableModel): EngineState {
  return step(model, emptyState('case-1', AT), { type: 'start', at: AT, actor: 'alice', instanceId: 'case-1', variables: {} }).state;
}

const reviewTask = (assignment: string) =>
  startingAt(
    'Review',
    `<bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:assignmentDefinition ${assignment} /></bpmn:extensionElements></bpmn:userTask>
     <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Done" /><bpmn:endEvent id="Done" />`,
  );

const claim = (actor: string): EngineEvent => ({ type: 'taskClaimed', at: AT, actor, taskId: TASK });
const unclaim = (holder: string, actor = holder): EngineEvent => ({ type: 'taskUnclaimed', at: AT, actor, taskId: TASK, holder });
const assign = (assignee: string, actor = 'lead'): EngineEvent => ({ type: 'taskAssigned', at: AT, actor, taskId: TASK, assignee });
const complete = (holder?: string | null): EngineEvent => ({ type: 'taskCompleted', at: AT, actor: 'wang', taskId: TASK, variables: {}, holder });

describe('task holders in the engine state', () => {
  let model: ExecutableModel;
  beforeAll(async () => {
    model = await compileModel(reviewTask('candidateGroups="enforcement"'));
  });

  it('should hold an opened task by its assignee, or by no one', async () => {
    // given a task with a static assignee and one with candidates only, then their holders
    expect(holderOf(started(await compileModel(reviewTask('assignee="chief"'))), TASK)).toBe('chief');
    expect(holderOf(started(model), TASK)).toBeNull();
  });

  it('should record a claim by the actor and ask for the task row to be written', () => {
    // given an open task no one holds, when wang claims it
    const { state, commands, audit } = step(model, started(model), claim('wang'));

    // then wang holds it, the claim is recorded by wang and the task row is to be updated
    expect(holderOf(state, TASK)).toBe('wang');
    expect(commands).toEqual([{ type: 'setTaskHolder', taskId: TASK, holder: 'wang', actor: 'wang' }]);
    expect(audit).toEqual([
      { at: AT, actor: 'wang', kind: 'task.claimed', elementId: 'Review', tokenId: 'e3', data: { taskId: TASK, previous: null, assignee: 'wang' } },
    ]);
  });

  it('should record an unclaim and an assignment with the holder before and after', () => {
    // given a task wang holds
    const claimed = step(model, started(model), claim('wang')).state;

    // when wang gives it back, and the lead then assigns it to zhao
    const unclaimed = step(model, claimed, unclaim('wang'));
    const assigned = step(model, unclaimed.state, assign('zhao'));

    // then each change names the holder before and after, and the row follows
    expect(unclaimed.audit.map((e) => [e.kind, e.actor, e.data])).toEqual([['task.unclaimed', 'wang', { taskId: TASK, previous: 'wang', assignee: null }]]);
    expect(unclaimed.commands).toEqual([{ type: 'setTaskHolder', taskId: TASK, holder: null, actor: 'wang' }]);
    expect(assigned.audit.map((e) => [e.kind, e.actor, e.data])).toEqual([['task.assigned', 'lead', { taskId: TASK, previous: null, assignee: 'zhao' }]]);
    expect(holderOf(assigned.state, TASK)).toBe('zhao');
  });

  it('should accept a claim by the holder and record nothing', () => {
    // given a task wang holds, when wang claims it again
    const claimed = step(model, started(model), claim('wang')).state;
    const again = step(model, claimed, claim('wang'));

    // then nothing is recorded and nothing is to be written
    expect(rejectionOf(claimed, claim('wang'))).toBeNull();
    expect(again.commands).toEqual([]);
    expect(again.audit).toEqual([]);
  });

  it.each([
    ['a claim of a task someone else holds', claim('li'), `task ${TASK} is claimed by wang`],
    ['an unclaim naming a holder who does not hold it', unclaim('li'), `task ${TASK} is claimed by wang`],
    ['a completion by someone who saw another holder', complete('li'), `task ${TASK} is claimed by wang`],
    ['a change without an actor', { ...claim(''), actor: '' }, 'the actor must be a non-empty string'],
    ['an assignment to no one', assign(''), 'the assignee must be a non-empty string'],
    ['a claim of an unknown task', { ...claim('li'), taskId: 'case-1/Other/t9' }, 'task case-1/Other/t9 is not open'],
  ])('should refuse %s, leaving the state unchanged', (_what, event, reason) => {
    // given a task wang holds, then the event is refused with the reason the API maps
    const claimed = step(model, started(model), claim('wang')).state;
    expect(rejectionOf(claimed, event)).toBe(reason);
    expect(() => step(model, claimed, event)).toThrow(reason);
  });

  it('should accept a completion by the holder, one that does not say whom it saw, and one on a task no one holds', () => {
    // given a task wang holds and one no one holds (a step updates the state it is given, so each case is its own)
    const open = started(model);
    const claimed = step(model, started(model), claim('wang')).state;

    // then completions that agree with the holder are accepted
    expect(rejectionOf(claimed, complete('wang'))).toBeNull();
    expect(rejectionOf(claimed, complete(undefined))).toBeNull();
    expect(rejectionOf(open, complete(null))).toBeNull();
    expect(rejectionOf(open, complete('li'))).toBeNull();
  });

  it('should refuse a change of the holder of a completed task as not open', () => {
    // given a completed case, when someone claims its task, then it is not open (whatever the case's status)
    const done = step(model, started(model), complete()).state;
    expect(done.status).toBe('completed');
    expect(rejectionOf(done, claim('li'))).toBe(`task ${TASK} is not open`);
  });
});
