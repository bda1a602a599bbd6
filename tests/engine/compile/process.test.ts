import { compile } from '../../../engine/compile';
import { diagram, fixture, problemsOf } from './harness';

const DEFINITIONS = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1">';

describe('process', () => {
  it('should compile each executable process of a collaboration, skipping the others', async () => {
    // given
    const xml = fixture('collaboration.bpmn');

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.processes.map((process) => process.model.processId)).toEqual(['Street', 'Archive']);
    expect(result.processes[0].model).toEqual({
      schemaVersion: 1,
      processId: 'Street',
      name: 'Street office',
      startNodeIds: ['Street_Start'],
      nodes: {
        Street_Start: { id: 'Street_Start', kind: 'startEvent', scope: null, incoming: [], outgoing: ['Street_Flow'], eventDefinition: { kind: 'none' } },
        Street_Task: { id: 'Street_Task', kind: 'task', scope: null, incoming: ['Street_Flow'], outgoing: [] },
      },
      flows: { Street_Flow: { id: 'Street_Flow', source: 'Street_Start', target: 'Street_Task' } },
    });
    expect(result.warnings).toEqual([
      { elementId: 'Street_Task', code: 'implicit-end', message: 'task <Street_Task> has no outgoing flow; its token ends there (implicit end)' },
    ]);
  });

  it.each([
    ['a process that is not executable', `${DEFINITIONS}<bpmn:process id="Draft" isExecutable="false" /></bpmn:definitions>`, ' (<Draft> not executable)'],
    ['a process that does not say it is executable', `${DEFINITIONS}<bpmn:process id="Draft" /></bpmn:definitions>`, ' (<Draft> not executable)'],
    ['no process at all', `${DEFINITIONS}<bpmn:collaboration id="C"><bpmn:participant id="Resident" /></bpmn:collaboration></bpmn:definitions>`, ''],
  ])('should NOT accept a diagram with %s', async (_, xml, found) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { code: 'no-executable-process', message: `the diagram has no executable process${found}; set isExecutable="true" on the process to run` },
    ]);
  });

  it('should refuse the whole diagram when one of its executable processes has a problem', async () => {
    // given
    const xml = `${DEFINITIONS}<bpmn:process id="Good" isExecutable="true"><bpmn:startEvent id="Good_Start" /></bpmn:process>
      <bpmn:process id="Bad" isExecutable="true"><bpmn:task id="Bad_Task" /></bpmn:process></bpmn:definitions>`;

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Bad', code: 'start-event-missing', message: 'process <Bad> has no start event' }]);
  });

  it('should warn about data objects, data stores, annotations and groups, and ignore lanes and associations silently', async () => {
    // given
    const xml = fixture('artifacts.bpmn');

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      { elementId: 'Data', code: 'ignored-element', message: 'dataObject <Data> is ignored at runtime' },
      { elementId: 'Data_Ref', code: 'ignored-element', message: 'dataObjectReference <Data_Ref> is ignored at runtime' },
      { elementId: 'Store_Ref', code: 'ignored-element', message: 'dataStoreReference <Store_Ref> is ignored at runtime' },
      { elementId: 'Note', code: 'ignored-element', message: 'textAnnotation <Note> is ignored at runtime' },
      { elementId: 'Group_1', code: 'ignored-element', message: 'group <Group_1> is ignored at runtime' },
    ]);
    expect(Object.keys(result.processes[0].model.nodes)).toEqual(['Start', 'Task', 'End']);
  });

  it('should NOT accept subprocesses nested more than 50 deep', async () => {
    // given
    const levels = Array.from({ length: 52 }, (_, level) =>
      `<bpmn:subProcess id="Sub_${level}"><bpmn:startEvent id="Start_${level}" /><bpmn:sequenceFlow id="Flow_${level}" sourceRef="Start_${level}" targetRef="Sub_${level + 1}" />`);
    const xml = diagram(`<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="Sub_0" />
      ${levels.join('')}<bpmn:task id="Sub_52" />${'</bpmn:subProcess>'.repeat(52)}`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Sub_50', code: 'nesting-too-deep', message: 'subProcess <Sub_50> is nested more than 50 subprocesses deep' }]);
  });

  it('should NOT accept a process with execution listeners', async () => {
    // given
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
      <bpmn:process id="Listened" isExecutable="true">
        <bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners></bpmn:extensionElements>
        <bpmn:startEvent id="Start" />
      </bpmn:process></bpmn:definitions>`;

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Listened', code: 'unsupported-extension', message: 'process <Listened> has execution listeners, which are not supported yet' }]);
  });
});
