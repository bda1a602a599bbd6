import { compile } from '../../../engine/compile';
import { compileModel, diagram, fixture, problemsOf, startingAt } from './harness';

/** A gateway `Gateway` (given as XML) after the start event, with flows to two end events. */
const withGateway = (gateway: string, flowA: string, flowB: string) =>
  startingAt('Gateway', `${gateway}<bpmn:endEvent id="End_A" /><bpmn:endEvent id="End_B" />
    <bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway" targetRef="End_A">${flowA}</bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway" targetRef="End_B">${flowB}</bpmn:sequenceFlow>`);

const CONDITION = '<bpmn:conditionExpression>=ok</bpmn:conditionExpression>';

describe('validate', () => {
  describe('gateways', () => {
    it.each(['exclusiveGateway', 'inclusiveGateway'])('should NOT accept an %s with unconditioned flows and no default flow', async (type) => {
      // given
      const xml = withGateway(`<bpmn:${type} id="Gateway" />`, CONDITION, '');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Gateway', code: 'gateway-condition-missing', message: `${type} <Gateway> has outgoing flows without condition and no default flow: <Flow_B>` },
      ]);
    });

    it('should NOT accept an unconditioned flow beside the default flow', async () => {
      // given
      const xml = fixture('gateway-conditions.bpmn');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Gateway', code: 'gateway-condition-missing', message: 'exclusiveGateway <Gateway> has outgoing flows without condition that are not its default flow: <Flow_B>' },
      ]);
    });

    it('should accept a gateway whose only outgoing flow has no condition', async () => {
      // given
      const xml = startingAt('Gateway', '<bpmn:exclusiveGateway id="Gateway" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway" targetRef="End" />');

      // when
      const model = await compileModel(xml);

      // then
      expect(model.nodes.Gateway.outgoing).toEqual(['Flow_A']);
    });

    it('should NOT accept a default flow that does not leave the element', async () => {
      // given
      const xml = withGateway('<bpmn:exclusiveGateway id="Gateway" default="Flow_Start" />', CONDITION, CONDITION);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Gateway', code: 'default-flow-invalid', message: 'exclusiveGateway <Gateway> names flow <Flow_Start> as default, which is not one of its outgoing flows' },
      ]);
    });

    it('should warn that conditions on a default flow and after a parallel gateway are ignored', async () => {
      // given
      const exclusive = withGateway('<bpmn:exclusiveGateway id="Gateway" default="Flow_B" />', CONDITION, CONDITION);
      const parallel = withGateway('<bpmn:parallelGateway id="Gateway" />', CONDITION, '');

      // when
      const results = await Promise.all([compile(exclusive), compile(parallel)]);

      // then
      expect(results.map((result) => result.problems)).toEqual([[], []]);
      expect(results[0].warnings).toEqual([
        { elementId: 'Flow_B', code: 'condition-ignored', message: 'condition of flow <Flow_B> is ignored: it is the default flow of exclusiveGateway <Gateway>' },
      ]);
      expect(results[1].warnings).toEqual([
        { elementId: 'Flow_A', code: 'condition-ignored', message: 'condition of flow <Flow_A> is ignored: it leaves parallelGateway <Gateway>' },
      ]);
    });
  });

  describe('start and end events', () => {
    it('should NOT accept a process without start event', async () => {
      // given
      const xml = diagram('<bpmn:task id="Task" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Process_1', code: 'start-event-missing', message: 'process <Process_1> has no start event' }]);
    });

    it('should NOT accept a process with two none start events', async () => {
      // given
      const xml = diagram('<bpmn:startEvent id="Start_A" /><bpmn:startEvent id="Start_B" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Process_1', code: 'start-event-ambiguous', message: 'process <Process_1> has 2 none start events (<Start_A>, <Start_B>); only one is allowed' },
      ]);
    });

    it.each([
      ['no', ''],
      ['two', '<bpmn:startEvent id="Inner_A" /><bpmn:startEvent id="Inner_B" />'],
    ])('should NOT accept a subprocess with %s none start events', async (count, inner) => {
      // given
      const xml = startingAt('Sub', `<bpmn:subProcess id="Sub">${inner}<bpmn:task id="Inner_Task" /></bpmn:subProcess>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Sub', code: 'subprocess-start-invalid', message: `subProcess <Sub> must contain exactly one none start event, not ${count === 'no' ? 0 : 2}` },
      ]);
    });

    it('should NOT accept a flow into a start event or out of an end event', async () => {
      // given
      const xml = startingAt('End', `<bpmn:endEvent id="End" /><bpmn:sequenceFlow id="Flow_Back" sourceRef="End" targetRef="Start" />`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Start', code: 'flow-invalid', message: 'startEvent <Start> has incoming flows; a start event cannot have any' },
        { elementId: 'End', code: 'flow-invalid', message: 'endEvent <End> has outgoing flows; an end event cannot have any' },
      ]);
    });
  });

  describe('warnings', () => {
    it('should warn about unreachable nodes and implicit ends, and still compile', async () => {
      // given
      const xml = fixture('unreachable.bpmn');

      // when
      const result = await compile(xml);

      // then
      expect(result.problems).toEqual([]);
      expect(result.processes).toHaveLength(1);
      expect(result.warnings).toEqual([
        { elementId: 'Orphan', code: 'unreachable', message: 'task <Orphan> cannot be reached from a start event' },
        { elementId: 'Orphan_End', code: 'unreachable', message: 'endEvent <Orphan_End> cannot be reached from a start event' },
        { elementId: 'Dead_End', code: 'implicit-end', message: 'task <Dead_End> has no outgoing flow; its token ends there (implicit end)' },
      ]);
    });
  });
});
