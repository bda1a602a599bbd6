// The modeler's assignment pickers (issue 17): what their commands write into a user task's
// `zeebe:assignmentDefinition`, read back through bpmn-moddle and compiled by the engine's compiler.
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { compile } from '../../../engine/compile';
import { assignmentText, namesIn, namesValue, setAssignmentCommands, type PanelCommand } from '../../../designer/src/bpmn/assignment/assignmentXml';
import type { BpmnFactory, ModdleLike } from '../../../designer/src/bpmn/moddleShapes';

const taskXml = (extensions: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Check" />
    <bpmn:userTask id="Check" name="核查">${extensions}</bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** What the spec calls on bpmn-moddle (its typings leave out create and toXML). */
interface Moddle extends BpmnFactory {
  fromXML(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, ModdleLike> }>;
  toXML(element: unknown, options?: object): Promise<{ xml: string }>;
}

/** The task of `xml`, and a writer that applies panel commands as bpmn-js's handler does and answers the XML. */
async function read(xml: string) {
  const moddle = new BpmnModdle({ zeebe }) as unknown as Moddle;
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  return {
    moddle,
    task: elementsById.Check,
    async write(commands: PanelCommand[]): Promise<string> {
      for (const { context } of commands) {
        const target = context.moddleElement as ModdleLike & { set(name: string, value: unknown): void };
        for (const [name, value] of Object.entries(context.properties as Record<string, unknown>)) target.set(name, value);
      }
      return (await moddle.toXML(rootElement)).xml;
    },
  };
}

const userTaskOf = async (xml: string) => (await compile(xml)).processes[0].model.nodes.Check;

describe('the user task\'s assignment pickers', () => {
  it('should read a static list as names and leave an expression to the FEEL field', () => {
    expect(namesIn(' enforcement, command-center ,enforcement,')).toEqual(['enforcement', 'command-center']);
    expect(namesIn('')).toEqual([]);
    expect(namesIn(' =reviewers')).toBeNull();
    expect(namesValue(['enforcement', 'chengguan', 'enforcement'])).toBe('enforcement, chengguan');
  });

  it('should write picked groups into new extension elements, and the compiler should read them as a list', async () => {
    // given a user task without extension elements
    const { moddle, task, write } = await read(taskXml(''));

    // when two groups are picked
    const xml = await write(setAssignmentCommands(task, task, 'candidateGroups', namesValue(['enforcement', 'chengguan']), moddle));

    // then the attribute lists them as the Zeebe field would, and the compiled task carries it
    expect(xml).toContain('<zeebe:assignmentDefinition candidateGroups="enforcement, chengguan" />');
    expect(assignmentText(task, 'candidateGroups')).toBe('enforcement, chengguan');
    expect(JSON.stringify(await userTaskOf(xml))).toContain('enforcement, chengguan');
  });

  it('should set the assignee beside existing candidate groups and remove an attribute when nothing is left', async () => {
    // given a task with candidate groups and other extension elements
    const { moddle, task, write } = await read(taskXml('<bpmn:extensionElements><zeebe:taskHeaders /><zeebe:assignmentDefinition candidateGroups="enforcement" /></bpmn:extensionElements>'));

    // when a person is picked as assignee, then the last group removed
    const assigned = await write(setAssignmentCommands(task, task, 'assignee', 'bajiao-staff', moddle));
    const emptied = await write(setAssignmentCommands(task, task, 'candidateGroups', '', moddle));

    // then the one definition holds the assignee, and the emptied attribute is gone
    expect(assigned).toContain('<zeebe:assignmentDefinition assignee="bajiao-staff" candidateGroups="enforcement" />');
    expect(emptied).toContain('<zeebe:assignmentDefinition assignee="bajiao-staff" />');
    expect(emptied).toContain('<zeebe:taskHeaders />');
  });

  it('should write nothing when an empty pick meets a task without an assignment', async () => {
    const { moddle, task } = await read(taskXml(''));
    expect(setAssignmentCommands(task, task, 'candidateUsers', '', moddle)).toEqual([]);
  });
});
