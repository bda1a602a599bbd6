import { compile } from '../../../engine/compile';
import { compileModel, problemsOf, startingAt } from './harness';

/** A kind-specific field of a compiled node (the node type is a union by kind). */
const field = (node: object, name: string): unknown => (node as Record<string, unknown>)[name];

/** A diagram whose start event flows into `element` (which must have id `Task`). */
const withTask = (element: string, rootElements = '') => startingAt('Task', element, rootElements);

/** A service task `Task` with the given extension elements. */
const serviceTask = (extensions: string) => withTask(`<bpmn:serviceTask id="Task"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:serviceTask>`);

describe('zeebe extensions', () => {
  describe('zeebe:taskDefinition', () => {
    it('should default retries to 3 when absent or empty', async () => {
      // given
      const xml = serviceTask('<zeebe:taskDefinition type="archive" retries="" />');

      // when
      const model = await compileModel(xml);

      // then
      expect(field(model.nodes.Task, 'taskDefinition')).toEqual({ type: 'archive', retries: 3, headers: {} });
    });

    it.each([
      ['a service task without zeebe:taskDefinition', 'serviceTask', '<bpmn:serviceTask id="Task" />'],
      ['a send task without zeebe:taskDefinition', 'sendTask', '<bpmn:sendTask id="Task" />'],
      ['a business rule task without zeebe:taskDefinition', 'businessRuleTask', '<bpmn:businessRuleTask id="Task" />'],
      ['a blank job type', 'serviceTask', '<bpmn:serviceTask id="Task"><bpmn:extensionElements><zeebe:taskDefinition type=" " /></bpmn:extensionElements></bpmn:serviceTask>'],
    ])('should NOT accept %s', async (_, type, element) => {
      // given
      const xml = withTask(element);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'task-definition-missing', message: `${type} <Task> has no zeebe:taskDefinition type (the job type its worker runs)` },
      ]);
    });

    it('should NOT accept a message throw event without job type', async () => {
      // given
      const xml = startingAt('Task', '<bpmn:intermediateThrowEvent id="Task"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([expect.objectContaining({ elementId: 'Task', code: 'task-definition-missing' })]);
    });

    it('should NOT accept a dynamic job type', async () => {
      // given
      const xml = serviceTask('<zeebe:taskDefinition type="=jobType" />');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'task-definition-invalid', message: 'serviceTask <Task> has job type "=jobType": dynamic job types are not supported' },
      ]);
    });

    it.each([
      ['three', 'retries must be a whole number'],
      ['-1', 'retries must be a whole number'],
      ['=retries', 'dynamic retries are not supported'],
    ])('should NOT accept retries "%s"', async (retries, reason) => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" retries="${retries}" />`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'task-definition-invalid', message: `serviceTask <Task> has retries "${retries}": ${reason}` }]);
    });

    it.each([
      ['a header without key', '<zeebe:header value="x" />', 'serviceTask <Task> has a task header without key'],
      ['a duplicate header key', '<zeebe:header key="a" value="1" /><zeebe:header key="a" value="2" />', 'serviceTask <Task> has task header "a" more than once'],
      ['a reserved header key', '<zeebe:header key="__proto__" value="1" />', 'serviceTask <Task> has task header "__proto__", a reserved key'],
    ])('should NOT accept %s', async (_, headers, message) => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" /><zeebe:taskHeaders>${headers}</zeebe:taskHeaders>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'task-definition-invalid', message }]);
    });
  });

  describe('zeebe:ioMapping', () => {
    it('should NOT accept a mapping without target or source', async () => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" />
        <zeebe:ioMapping><zeebe:input source="=a" /><zeebe:output target="b" /></zeebe:ioMapping>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'mapping-invalid', message: 'serviceTask <Task> has an input mapping without target variable' },
        { elementId: 'Task', code: 'mapping-invalid', message: 'serviceTask <Task> has an output mapping to "b" without source' },
      ]);
    });

    it('should accept targets that are variable names or paths, in any script', async () => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" />
        <zeebe:ioMapping><zeebe:input source="=a" target="街道" /><zeebe:output source="=b" target="case.street_name" /></zeebe:ioMapping>`);

      // when
      const model = await compileModel(xml);

      // then
      expect(model.nodes.Task.inputs?.[0].target).toBe('街道');
      expect(model.nodes.Task.outputs?.[0].target).toBe('case.street_name');
    });

    it.each(['street name', '=street', 'case.', '1st'])('should NOT accept the mapping target "%s"', async (target) => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" /><zeebe:ioMapping><zeebe:input source="=a" target="${target}" /></zeebe:ioMapping>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'mapping-invalid', message: `serviceTask <Task> has an input mapping to "${target}", which is not a variable name or path (a.b)` },
      ]);
    });

    it.each(['__proto__', 'case.__proto__'])('should NOT accept the reserved mapping target "%s" (it would replace a scope\'s prototype)', async (target) => {
      // given
      const xml = serviceTask(`<zeebe:taskDefinition type="archive" /><zeebe:ioMapping><zeebe:output source="=a" target="${target}" /></zeebe:ioMapping>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'mapping-invalid', message: `serviceTask <Task> has an output mapping to "${target}", which is reserved; choose another name` }]);
    });

    it('should NOT accept a mapping with invalid FEEL, saying where', async () => {
      // given
      const xml = serviceTask('<zeebe:taskDefinition type="archive" /><zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'feel-invalid', message: 'input mapping "b" of serviceTask <Task> has an invalid FEEL expression "=a +": incomplete arithmetic expression at column 5' },
      ]);
    });
  });

  describe('user tasks', () => {
    it('should read a form key and no other definitions when only a form is given', async () => {
      // given
      const xml = withTask('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:formDefinition formKey="camunda-forms:bpmn:Form_1" /></bpmn:extensionElements></bpmn:userTask>');

      // when
      const model = await compileModel(xml);

      // then
      expect(field(model.nodes.Task, 'userTask')).toEqual({ formKey: 'camunda-forms:bpmn:Form_1' });
    });

    it('should warn that an external form reference is ignored', async () => {
      // given
      const xml = withTask('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:formDefinition externalReference="https://forms.example/1" /></bpmn:extensionElements></bpmn:userTask>');

      // when
      const result = await compile(xml);

      // then
      expect(result.problems).toEqual([]);
      expect(result.warnings).toContainEqual(expect.objectContaining({ elementId: 'Task', code: 'ignored-attribute' }));
    });

    it.each([
      ['dueDate', '<zeebe:taskSchedule dueDate="next monday" />', 'dueDate of userTask <Task> is "next monday", which is not an ISO 8601 date-time with zone'],
      ['followUpDate', '<zeebe:taskSchedule followUpDate="2025-02-30T10:00:00Z" />', 'followUpDate of userTask <Task> is "2025-02-30T10:00:00Z", which is not an ISO 8601 date-time with zone'],
      ['priority', '<zeebe:priorityDefinition priority="101" />', 'priority of userTask <Task> is "101", which is not a whole number from 0 to 100'],
    ])('should NOT accept an invalid static %s', async (_, extension, message) => {
      // given
      const xml = withTask(`<bpmn:userTask id="Task"><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:userTask>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'user-task-invalid', message }]);
    });

    it('should NOT accept an assignee with invalid FEEL', async () => {
      // given
      const xml = withTask('<bpmn:userTask id="Task"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=if x then" /></bpmn:extensionElements></bpmn:userTask>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([expect.objectContaining({ elementId: 'Task', code: 'feel-invalid', message: expect.stringContaining('assignee of userTask <Task>') })]);
    });
  });

  describe('zeebe:script', () => {
    it.each([
      ['without zeebe:script', ''],
      ['with a static expression', '<zeebe:script expression="42" resultVariable="answer" />'],
      ['without resultVariable', '<zeebe:script expression="=42" />'],
    ])('should NOT accept a script task %s', async (_, extension) => {
      // given
      const xml = withTask(`<bpmn:scriptTask id="Task"><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:scriptTask>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        {
          elementId: 'Task',
          code: 'script-invalid',
          message: 'scriptTask <Task> needs a zeebe:script with a FEEL expression (starting with "=") and a resultVariable, or a zeebe:taskDefinition',
        },
      ]);
    });

    it('should NOT accept a script whose result variable is reserved (it would replace the scope\'s prototype)', async () => {
      // given
      const xml = withTask('<bpmn:scriptTask id="Task"><bpmn:extensionElements><zeebe:script expression="={polluted: true}" resultVariable="__proto__" /></bpmn:extensionElements></bpmn:scriptTask>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Task', code: 'script-invalid', message: 'scriptTask <Task> has the result variable "__proto__", which is reserved; choose another name' }]);
    });

    it('should NOT accept a script with invalid FEEL', async () => {
      // given
      const xml = withTask('<bpmn:scriptTask id="Task"><bpmn:extensionElements><zeebe:script expression="= sum(" resultVariable="total" /></bpmn:extensionElements></bpmn:scriptTask>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Task', code: 'feel-invalid', message: 'script of scriptTask <Task> has an invalid FEEL expression "= sum(": incomplete function invocation at column 7' },
      ]);
    });
  });
});
