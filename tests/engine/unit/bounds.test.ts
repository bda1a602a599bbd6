// The interpreter's bounds (issue 10, defects 5, 9, 10), pure: a FEEL overrun in a gateway and a due date that is no
// date become incidents on their element; incident ids such as `constructor` name nothing; cases recorded before the
// bounds run on the frozen engine/v1 with `bounded: false` and keep their old behaviour, so their histories replay.
import { DEFAULT_LIMITS, emptyState, type EngineLimits, type EngineState, rejectionOf, step } from '../../../engine/interpreter';
import type { ExecutableModel } from '../../../engine/model';
import * as v1 from '../../../engine/v1/interpreter';
import type { ExecutableModel as V1Model } from '../../../engine/v1/model';
import { compileModel, startingAt } from '../compile/harness';

const AT = '2025-03-01T08:00:00.000Z';
const legacy: EngineLimits = { ...DEFAULT_LIMITS, bounded: false };

/** A started case of `model` with `variables`. */
function started(model: ExecutableModel, variables: Record<string, unknown>) {
  return step(model, emptyState('case-1', AT), { type: 'start', at: AT, actor: 'alice', instanceId: 'case-1', variables });
}

/** A case of `model` started as cases recorded before the bounds ran: on engine/v1, unbounded. */
function startedBeforeBounds(model: ExecutableModel, variables: Record<string, unknown>) {
  return v1.step(model as unknown as V1Model, v1.emptyState('case-1', AT), { type: 'start', at: AT, actor: 'alice', instanceId: 'case-1', variables }, legacy);
}

const gateway = (condition: string) =>
  startingAt(
    'Decide',
    `<bpmn:exclusiveGateway id="Decide" default="Else" />
     <bpmn:sequenceFlow id="Heavy" sourceRef="Decide" targetRef="Done"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
     <bpmn:sequenceFlow id="Else" sourceRef="Decide" targetRef="Done" />
     <bpmn:endEvent id="Done" />`,
  );

const dueTask = (dueDate: string) =>
  startingAt(
    'Review',
    `<bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:taskSchedule dueDate="${dueDate}" followUpDate="=follow" /></bpmn:extensionElements></bpmn:userTask>
     <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Done" /><bpmn:endEvent id="Done" />`,
  );

describe('interpreter bounds', () => {
  it('should raise an incident on the gateway, naming the expression and the limit, when a condition exceeds the FEEL budget', async () => {
    // given a gateway whose condition iterates 4,000,000 times
    const model = await compileModel(gateway('=count(for x in 1..2000, y in 1..2000 return 1) &gt; 0'));

    // when the case starts
    const { state, commands } = started(model, {});

    // then the token stops at the gateway with an expression incident that says why; the case goes on running
    expect(Object.values(state.incidents)).toEqual([
      expect.objectContaining({
        elementId: 'Decide',
        kind: 'expression',
        message: 'condition of flow <Heavy>: FEEL expression "count(for x in 1..2000, y in 1..2000 return 1) > 0" is stopped: it needs more than 100000 evaluation steps',
      }),
    ]);
    expect(state.status).toBe('running');
    expect(commands).toEqual([]);
  });

  it('should take the flow when the condition is within the budget', async () => {
    // given the same gateway with 40,000 iterations
    const model = await compileModel(gateway('=count(for x in 1..200, y in 1..200 return 1) &gt; 0'));

    // when the case starts, then it completes by the conditional flow
    const { state } = started(model, {});
    expect(state.status).toBe('completed');
    expect(state.takenFlows).toContain('Heavy');
  });

  it.each(['next week', '2025-13-01T10:00:00Z', '2025-03-01T10:00:00@Asia/Shanghai', '1740816000000'])(
    'should raise an incident naming the element and the value when the due date is %j, and open no task',
    async (value) => {
      // given a user task whose due date expression yields something that is no date
      const model = await compileModel(dueTask('=due'));

      // when the case starts
      const { state, commands } = started(model, { due: value, follow: null });

      // then the task is not opened (the activity would refuse it), and the incident names the element and the value
      expect(commands).toEqual([]);
      expect(Object.values(state.incidents)).toEqual([
        expect.objectContaining({
          elementId: 'Review',
          kind: 'expression',
          message: `due date of <Review> must be an ISO 8601 date or date-time such as 2025-03-01T17:00:00+08:00, got ${JSON.stringify(value)}`,
        }),
      ]);
    },
  );

  it('should check the follow-up date the same way', async () => {
    // given a valid due date and a follow-up date that is no date
    const model = await compileModel(dueTask('2030-01-02T09:00:00+08:00'));

    // when the case starts, then the incident names the follow-up date
    const { state } = started(model, { follow: 'tomorrow' });
    expect(Object.values(state.incidents)[0].message).toBe(
      'follow-up date of <Review> must be an ISO 8601 date or date-time such as 2025-03-01T17:00:00+08:00, got "tomorrow"',
    );
  });

  it.each([
    ['an ISO date-time with offset', '2030-01-02T09:00:00+08:00'],
    ['an ISO date-time in UTC with milliseconds', '2030-01-02T01:00:00.123Z'],
    ['an ISO date', '2030-01-02'],
  ])('should open the task with %s as due date', async (_what, value) => {
    // given a due date that the task read model can store
    const model = await compileModel(dueTask('=due'));

    // when the case starts, then the task opens with it
    const { commands } = started(model, { due: value, follow: null });
    expect(commands).toEqual([expect.objectContaining({ type: 'openUserTask', task: expect.objectContaining({ dueDate: value }) })]);
  });

  it('should open the task with a FEEL date and time as due date', async () => {
    // given a due date computed in FEEL
    const model = await compileModel(dueTask('=date and time(&quot;2030-01-02T09:00:00+08:00&quot;) + duration(&quot;P1D&quot;)'));

    // when the case starts, then the task opens with the ISO text of the value
    const { commands } = started(model, { follow: null });
    expect(commands).toEqual([expect.objectContaining({ type: 'openUserTask', task: expect.objectContaining({ dueDate: '2030-01-03T09:00:00+08:00' }) })]);
  });

  it('should keep the old behaviour for cases recorded before the bounds (the task opens with what the expression gave)', async () => {
    // given a case recorded before the bounds
    const model = await compileModel(dueTask('=due'));

    // when it starts with a due date that is no date, then the task is opened as it was then
    const { commands, state } = startedBeforeBounds(model, { due: 'next week', follow: null });
    expect(commands).toEqual([expect.objectContaining({ type: 'openUserTask', task: expect.objectContaining({ dueDate: 'next week' }) })]);
    expect(state.incidents).toEqual({});
  });

  describe('incident ids', () => {
    let state: EngineState;
    let model: ExecutableModel;
    beforeAll(async () => {
      model = await compileModel(gateway('=missing'));
      state = started(model, {}).state;
    });

    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('should refuse to resolve incident %j', (incidentId) => {
      // given a case with one open incident (the gateway's condition fails)
      expect(Object.keys(state.incidents)).toHaveLength(1);
      const event = { type: 'incidentResolved' as const, at: AT, actor: 'admin', incidentId };

      // when an incident named like a property of Object.prototype is resolved, then it is refused and nothing happens
      expect(rejectionOf(state, event)).toBe(`incident ${incidentId} is not open in this case`);
      expect(() => step(model, state, event)).toThrow(`event incidentResolved refused: incident ${incidentId} is not open in this case`);
    });

    it('should resolve the open incident by its id', () => {
      // given the open incident
      const [id] = Object.keys(state.incidents);

      // when it is resolved, then it is recorded as resolved
      const { audit } = step(model, state, { type: 'incidentResolved', at: AT, actor: 'admin', incidentId: id });
      expect(audit[0]).toMatchObject({ kind: 'incident.resolved', elementId: 'Decide', data: { incidentId: id } });
    });

    it('should replay a case recorded before the bounds as it ran then (a resolve of "constructor" was accepted)', () => {
      // given the same case recorded before the bounds, when "constructor" is resolved, then it is accepted as it was
      const before = startedBeforeBounds(model, {}).state;
      expect(v1.rejectionOf(before, { type: 'incidentResolved', at: AT, actor: 'admin', incidentId: 'constructor' }, legacy)).toBeNull();
    });
  });

  it.each(['start', 'taskCompleted', 'messageCorrelated'] as const)('should refuse variables named __proto__ on %s', async (type) => {
    // given a case waiting at a user task
    const model = await compileModel(dueTask('2030-01-02T09:00:00+08:00'));
    const state = type === 'start' ? emptyState('case-1', AT) : started(model, { follow: null }).state;
    const variables = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const event =
      type === 'start'
        ? { type, at: AT, actor: 'alice', instanceId: 'case-1', variables }
        : type === 'taskCompleted'
          ? { type, at: AT, actor: 'alice', taskId: 'case-1/Review/t2', variables }
          : { type, at: AT, actor: 'alice', waitId: 'case-1/Review/t2', variables };

    // when variables named __proto__ arrive, then they are refused before anything is recorded
    expect(rejectionOf(state, event)).toBe('variables must not be named __proto__');
  });

  it('should refuse to complete a task whose id names a property of Object.prototype', async () => {
    // given a case waiting at a user task
    const model = await compileModel(dueTask('2030-01-02T09:00:00+08:00'));
    const { state } = started(model, { follow: null });

    // when "constructor" is completed, then it is refused
    expect(rejectionOf(state, { type: 'taskCompleted', at: AT, actor: 'alice', taskId: 'constructor', variables: {} })).toBe('task constructor is not open in this case');
  });
});
