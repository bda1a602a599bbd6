import { SUPPORTED_ELEMENTS } from '../../../contracts/bpmnElements';
import { compileModel, diagram, fixture, problemsOf, startingAt } from './harness';

/** A kind-specific field of a compiled node (the node type is a union by kind). */
const field = (node: object, name: string): unknown => (node as Record<string, unknown>)[name];

describe('nodes', () => {
  describe('tasks', () => {
    it('should compile every task kind with its zeebe definitions', async () => {
      // given
      const xml = fixture('tasks.bpmn');

      // when
      const model = await compileModel(xml);

      // then
      expect(model.processId).toBe('Tasks');
      expect(model.name).toBe('Every task kind');
      expect(model.startNodeIds).toEqual(['Start']);
      expect(model.nodes.Start).toEqual({
        id: 'Start', kind: 'startEvent', name: 'Case filed', scope: null, incoming: [], outgoing: ['Flow_1'], eventDefinition: { kind: 'none' },
      });
      expect(model.nodes.Task_Plain).toEqual({
        id: 'Task_Plain', kind: 'task', name: 'Look at it', scope: null, incoming: ['Flow_1'], outgoing: ['Flow_2'],
      });
      expect(model.nodes.Task_Manual.kind).toBe('task');
      expect(model.nodes.Task_User).toEqual({
        id: 'Task_User',
        kind: 'userTask',
        name: 'Inspect',
        scope: null,
        incoming: ['Flow_3'],
        outgoing: ['Flow_4'],
        userTask: {
          assignee: { kind: 'feel', source: 'initiator' },
          candidateGroups: { kind: 'static', value: 'inspectors, clerks' },
          candidateUsers: { kind: 'feel', source: '["li", "wang"]' },
          formId: 'inspection-form',
          dueDate: { kind: 'feel', source: 'now() + duration("P3D")' },
          followUpDate: { kind: 'static', value: '2025-03-01T09:00:00+08:00' },
          priority: { kind: 'static', value: '75' },
        },
        inputs: [{ source: { kind: 'feel', source: 'case.street' }, target: 'street' }],
        outputs: [{ source: { kind: 'feel', source: 'approved' }, target: 'caseApproved' }],
      });
      expect(model.nodes.Task_Service).toEqual({
        id: 'Task_Service',
        kind: 'serviceTask',
        name: 'Notify resident',
        scope: null,
        incoming: ['Flow_4'],
        outgoing: ['Flow_5'],
        taskDefinition: { type: 'notify-resident', retries: 5, headers: { channel: 'sms', template: 'reminder' } },
        inputs: [{ source: { kind: 'static', value: 'fixed' }, target: 'mode' }],
      });
      expect(model.nodes.Task_Script.kind).toBe('scriptTask');
      expect(field(model.nodes.Task_Script, 'script')).toEqual({ expression: { kind: 'feel', source: 'count(findings) * 10' }, resultVariable: 'score' });
      expect(model.nodes.Task_ScriptJob.kind).toBe('serviceTask');
      expect(field(model.nodes.Task_ScriptJob, 'taskDefinition')).toEqual({ type: 'score-case', retries: 3, headers: {} });
      expect(model.nodes.Task_Send.kind).toBe('sendTask');
      expect(field(model.nodes.Task_Send, 'taskDefinition')).toEqual({ type: 'send-notice', retries: 1, headers: {} });
      expect(model.nodes.Task_Receive.kind).toBe('receiveTask');
      expect(field(model.nodes.Task_Receive, 'eventDefinition')).toEqual({
        kind: 'message',
        message: { name: 'resident-reply', correlationKey: { kind: 'feel', source: 'caseId' } },
      });
      expect(model.nodes.Task_Rule.kind).toBe('serviceTask');
      expect(field(model.nodes.Task_Rule, 'taskDefinition')).toEqual({ type: 'classify-case', retries: 2, headers: {} });
      expect(model.nodes.End).toEqual({
        id: 'End', kind: 'endEvent', name: 'Closed', scope: null, incoming: ['Flow_10'], outgoing: [], eventDefinition: { kind: 'none' },
      });
    });

    it('should NOT accept a business rule task that calls a DMN decision', async () => {
      // given
      const xml = startingAt('Rule', `<bpmn:businessRuleTask id="Rule">
        <bpmn:extensionElements><zeebe:calledDecision decisionId="fine" resultVariable="fine" /></bpmn:extensionElements>
      </bpmn:businessRuleTask>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Rule', code: 'unsupported-element', message: expect.stringContaining('businessRuleTask <Rule> calls a DMN decision') },
      ]);
    });
  });

  describe('events', () => {
    it('should compile none, message and timer events', async () => {
      // given
      const xml = fixture('events.bpmn');

      // when
      const model = await compileModel(xml);

      // then
      expect(model.nodes.Throw_None).toMatchObject({ kind: 'intermediateThrowEvent', eventDefinition: { kind: 'none' } });
      expect(field(model.nodes.Throw_None, 'taskDefinition')).toBeUndefined();
      expect(model.nodes.Throw_Message).toMatchObject({
        kind: 'intermediateThrowEvent',
        eventDefinition: { kind: 'message', message: { name: 'notice' } },
        taskDefinition: { type: 'publish-notice', retries: 3, headers: {} },
      });
      expect(field(model.nodes.Timer_Duration, 'eventDefinition')).toEqual({ kind: 'timer', timer: { type: 'duration', value: { kind: 'static', value: 'PT5M' } } });
      expect(field(model.nodes.Timer_Date, 'eventDefinition')).toEqual({
        kind: 'timer', timer: { type: 'date', value: { kind: 'static', value: '2025-03-01T09:00:00+08:00' } },
      });
      expect(field(model.nodes.Timer_Feel, 'eventDefinition')).toEqual({ kind: 'timer', timer: { type: 'duration', value: { kind: 'feel', source: 'reminderDelay' } } });
      expect(model.nodes.Catch_Message).toMatchObject({
        kind: 'intermediateCatchEvent',
        eventDefinition: { kind: 'message', message: { name: 'ack', correlationKey: { kind: 'feel', source: 'caseId' } } },
        outputs: [{ source: { kind: 'feel', source: 'ackBy' }, target: 'acknowledgedBy' }],
      });
      expect(field(model.nodes.End_None, 'eventDefinition')).toEqual({ kind: 'none' });
      expect(field(model.nodes.End_Terminate, 'eventDefinition')).toEqual({ kind: 'terminate' });
      expect(model.nodes.End_Message).toMatchObject({
        kind: 'endEvent',
        eventDefinition: { kind: 'message', message: { name: 'case-closed' } },
        taskDefinition: { type: 'send-closure', retries: 4, headers: {} },
      });
    });
  });

  describe('gateways', () => {
    it('should compile exclusive, parallel and inclusive gateways with default flows', async () => {
      // given
      const xml = fixture('gateways.bpmn');

      // when
      const model = await compileModel(xml);

      // then
      expect(model.nodes.Decide).toEqual({
        id: 'Decide', kind: 'exclusiveGateway', name: 'Severe?', scope: null, incoming: ['Flow_Start'], outgoing: ['Flow_Severe', 'Flow_Minor'], defaultFlow: 'Flow_Minor',
      });
      expect(model.nodes.Fork).toMatchObject({ kind: 'parallelGateway', outgoing: ['Flow_A', 'Flow_B'] });
      expect(model.nodes.Join).toMatchObject({ kind: 'parallelGateway', incoming: ['Flow_A', 'Flow_B'] });
      expect(model.nodes.Notify).toMatchObject({ kind: 'inclusiveGateway', incoming: ['Flow_Minor', 'Flow_Joined'], defaultFlow: 'Flow_Nobody' });
      expect(model.nodes.Merge).toMatchObject({ kind: 'inclusiveGateway', outgoing: ['Flow_End'] });
    });
  });

  describe('subprocesses', () => {
    it('should compile nested embedded subprocesses with scopes and start nodes', async () => {
      // given
      const xml = fixture('subprocess.bpmn');

      // when
      const model = await compileModel(xml);

      // then
      expect(model.startNodeIds).toEqual(['Start']);
      expect(model.nodes.Sub_Outer).toEqual({
        id: 'Sub_Outer',
        kind: 'subProcess',
        name: 'Rectification',
        scope: null,
        incoming: ['Flow_1'],
        outgoing: ['Flow_2'],
        inputs: [{ source: { kind: 'feel', source: 'case.deadline' }, target: 'deadline' }],
        outputs: [{ source: { kind: 'feel', source: 'fixed' }, target: 'rectified' }],
        startNodeId: 'Outer_Start',
      });
      expect(model.nodes.Outer_Start.scope).toBe('Sub_Outer');
      expect(model.nodes.Sub_Inner).toMatchObject({ scope: 'Sub_Outer', startNodeId: 'Inner_Start' });
      expect(model.nodes.Inner_Task).toMatchObject({ scope: 'Sub_Inner', incoming: ['Flow_Inner_1'], outgoing: ['Flow_Inner_2'] });
      expect(model.flows.Flow_Inner_1).toEqual({ id: 'Flow_Inner_1', source: 'Inner_Start', target: 'Inner_Task' });
    });
  });

  describe('unsupported elements', () => {
    it.each([
      ['complexGateway', '<bpmn:complexGateway id="Element_X" />'],
      ['transaction', '<bpmn:transaction id="Element_X" />'],
      ['adHocSubProcess', '<bpmn:adHocSubProcess id="Element_X" />'],
    ])('should NOT accept element type %s, naming it and its id', async (type, element) => {
      // given
      const xml = startingAt('Task', `<bpmn:task id="Task" />${element}`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toContainEqual({ elementId: 'Element_X', code: 'unsupported-element', message: `${type} <Element_X> is not supported yet` });
    });

    it('should NOT report the flows of an unsupported element a second time', async () => {
      // given
      const xml = startingAt('Call', '<bpmn:complexGateway id="Call" /><bpmn:sequenceFlow id="Flow_Out" sourceRef="Call" targetRef="End" /><bpmn:endEvent id="End" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems.map((problem) => problem.code)).toEqual(['unsupported-element']);
    });

    it('should NOT accept standard loop characteristics', async () => {
      // given
      const xml = startingAt('Task', '<bpmn:task id="Task"><bpmn:standardLoopCharacteristics /></bpmn:task>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'unsupported-loop', message: 'task <Task> has loop characteristics, which are not supported yet' }]);
    });

    it('should NOT accept a compensation handler reached by a sequence flow', async () => {
      // given
      const xml = startingAt('Task', '<bpmn:task id="Task" isForCompensation="true" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'compensation-invalid', message: 'task <Task> is a compensation handler and has incoming sequence flows; a handler is started only by compensation (Camunda 8)' },
      ]);
    });

    it.each([
      ['execution listeners', '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>'],
      ['task listeners', '<zeebe:taskListeners><zeebe:taskListener eventType="creating" type="audit" /></zeebe:taskListeners>'],
    ])('should NOT accept zeebe %s', async (what, listeners) => {
      // given
      const xml = startingAt('Task', `<bpmn:userTask id="Task"><bpmn:extensionElements>${listeners}</bpmn:extensionElements></bpmn:userTask>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'unsupported-extension', message: `userTask <Task> has ${what}, which are not supported yet` }]);
    });
  });

  describe('SUPPORTED_ELEMENTS', () => {
    it('should list the BPMN types the engine runs', () => {
      // then
      expect([...SUPPORTED_ELEMENTS].sort()).toEqual([
        'bpmn:BoundaryEvent', 'bpmn:BusinessRuleTask', 'bpmn:CallActivity', 'bpmn:EndEvent', 'bpmn:EventBasedGateway', 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:IntermediateCatchEvent',
        'bpmn:IntermediateThrowEvent', 'bpmn:ManualTask', 'bpmn:ParallelGateway', 'bpmn:Process', 'bpmn:ReceiveTask', 'bpmn:ScriptTask',
        'bpmn:SendTask', 'bpmn:SequenceFlow', 'bpmn:ServiceTask', 'bpmn:StartEvent', 'bpmn:SubProcess', 'bpmn:Task', 'bpmn:UserTask',
      ]);
    });

    it('should NOT be modifiable', () => {
      // then
      expect(Object.isFrozen(SUPPORTED_ELEMENTS)).toBe(true);
    });
  });

  describe('ids', () => {
    it('should NOT accept an element id that cannot be a record key', async () => {
      // given
      const xml = diagram('<bpmn:startEvent id="__proto__" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toContainEqual({ elementId: '__proto__', code: 'id-invalid', message: 'startEvent id <__proto__> is reserved; choose another id' });
    });
  });
});
