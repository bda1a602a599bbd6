// The modeler's legal-time XML (issue 14): what the properties panel's commands write — `<sparrow:clocks>` on the
// process, `<sparrow:clockControl>` on flow nodes, due dates and timer dates of the presets — read back through
// bpmn-moddle with the Zeebe and Sparrow descriptors, and compiled by the engine's compiler.
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrow from '../../../contracts/bpmn/sparrowModdle.json';
import { compile } from '../../../engine/compile';
import {
  addClockCommands,
  addClockControlCommands,
  type BusinessObject,
  clockAttrsOf,
  clockControlsOf,
  declaredClockNames,
  declaredClocks,
  dueDateOf,
  type PanelCommand,
  processOf,
  removeClockCommands,
  removeClockControlCommands,
  renameClockCommands,
  setDueDateCommands,
  setTimerDateCommands,
  timerDateOf,
  timerOf,
} from '../../../designer/src/bpmn/legalTime/clockXml';
import type { BpmnFactory } from '../../../designer/src/bpmn/moddleShapes';

const processXml = (processExtensions: string, fileExtensions = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:sparrow="urn:sparrow:bpmn:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    ${processExtensions}
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="File" />
    <bpmn:userTask id="File" name="立案">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="enforcement" />${fileExtensions}</bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="File" targetRef="Sub" />
    <bpmn:subProcess id="Sub">
      <bpmn:startEvent id="SubStart" />
      <bpmn:sequenceFlow id="F3" sourceRef="SubStart" targetRef="Decide" />
      <bpmn:userTask id="Decide" name="决定">
        <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="command-center" /></bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:boundaryEvent id="Late" attachedToRef="Decide"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="F5" sourceRef="Decide" targetRef="SubEnd" />
      <bpmn:sequenceFlow id="F6" sourceRef="Late" targetRef="SubEnd" />
      <bpmn:endEvent id="SubEnd" />
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="F4" sourceRef="Sub" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

const CLOCKS = '<bpmn:extensionElements><sparrow:clocks><sparrow:clock name="办案期限" duration="P90D" approvers="street-commander" warnWithin="10" /><sparrow:clock name="公示期" workingDays="20" /></sparrow:clocks></bpmn:extensionElements>';

/** What the spec calls on bpmn-moddle (its typings leave out create and toXML). */
interface Moddle extends BpmnFactory {
  fromXML(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, BusinessObject> }>;
  toXML(element: unknown, options?: object): Promise<{ xml: string }>;
}

/** The diagram of `xml` read with both descriptors: its elements by id, and a writer that applies panel commands and answers the XML. */
async function read(xml: string) {
  const moddle = new BpmnModdle({ zeebe, sparrow }) as unknown as Moddle;
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  return {
    moddle,
    byId: elementsById,
    /** Applies the commands as bpmn-js's handler does (set each property on the moddle element), then the XML. */
    async write(commands: PanelCommand[]): Promise<string> {
      for (const { context } of commands) {
        const target = context.moddleElement as BusinessObject & { set(name: string, value: unknown): void };
        for (const [name, value] of Object.entries(context.properties as Record<string, unknown>)) target.set(name, value);
      }
      return (await moddle.toXML(rootElement)).xml;
    },
  };
}

describe('reading the legal-time XML', () => {
  it('should read the declared clocks of the process any flow node lies in, subprocesses included', async () => {
    // given
    const { byId } = await read(processXml(CLOCKS));

    // when
    const process = processOf(byId.Decide);

    // then
    expect(process?.id).toBe('p');
    expect(declaredClockNames(process)).toEqual(['办案期限', '公示期']);
    expect(declaredClocks(process).map(clockAttrsOf)).toEqual([
      { name: '办案期限', duration: 'P90D', workingDays: undefined, approvers: 'street-commander', warnWithin: '10' },
      { name: '公示期', duration: undefined, workingDays: '20', approvers: undefined, warnWithin: undefined },
    ]);
  });

  it('should read a node\'s clock controls', async () => {
    // given
    const { byId } = await read(processXml(CLOCKS, '<sparrow:clockControl clock="办案期限" action="start" />'));

    // then
    expect(clockControlsOf(byId.File).map((control) => [control.get('clock'), control.get('action')])).toEqual([['办案期限', 'start']]);
    expect(clockControlsOf(byId.Decide)).toEqual([]);
  });
});

describe('writing the legal-time XML', () => {
  it('should declare the first clock with new extension elements and <sparrow:clocks>', async () => {
    // given: a process without extension elements
    const { moddle, byId, write } = await read(processXml(''));

    // when
    const xml = await write(addClockCommands(byId.p, byId.p, { name: '办案期限', duration: 'P90D' }, moddle));

    // then
    expect(xml).toMatch(/<bpmn:extensionElements>\s*<sparrow:clocks>\s*<sparrow:clock name="办案期限" duration="P90D" \/>\s*<\/sparrow:clocks>\s*<\/bpmn:extensionElements>/);
    expect(declaredClockNames((await read(xml)).byId.p)).toEqual(['办案期限']);
  });

  it('should add a clock after the declared ones and remove <sparrow:clocks> with the last one', async () => {
    // given
    const { moddle, byId, write } = await read(processXml(CLOCKS));

    // when: one added
    const added = await write(addClockCommands(byId.p, byId.p, { name: '听证期', workingDays: '5' }, moddle));

    // then
    expect(added).toMatch(/<sparrow:clock name="公示期" workingDays="20" \/>\s*<sparrow:clock name="听证期" workingDays="5" \/>\s*<\/sparrow:clocks>/);

    // when: all removed
    for (const clock of declaredClocks(byId.p)) await write(removeClockCommands(byId.p, byId.p, clock));

    // then
    expect(await write([])).not.toContain('sparrow:clocks');
  });

  it('should rename a clock\'s controls and 截止于时限 presets, and nothing else', async () => {
    // given: a task starting 期限 and one due at its deadline, a timer at it, and a control of another clock
    const { byId, write } = await read(
      processXml(
        '<bpmn:extensionElements><sparrow:clocks><sparrow:clock name="期限" duration="P90D" /><sparrow:clock name="公示期" workingDays="20" /></sparrow:clocks></bpmn:extensionElements>',
        '<sparrow:clockControl clock="期限" action="start" /><sparrow:clockControl clock="公示期" action="stop" />',
      ).replace('<zeebe:assignmentDefinition candidateGroups="command-center" />', '<zeebe:assignmentDefinition candidateGroups="command-center" /><zeebe:taskSchedule dueDate="=clock(&#34;期限&#34;).deadline" />'),
    );
    await write(setTimerDateCommands(byId.Late, timerOf(byId.Late)!, '=clock("期限").deadline', new BpmnModdle({ zeebe, sparrow }) as unknown as Moddle));

    // when
    await write(renameClockCommands(byId.p, byId.p, '期限', '办案期限'));

    // then
    expect(clockControlsOf(byId.File).map((control) => control.get('clock'))).toEqual(['办案期限', '公示期']);
    expect(dueDateOf(byId.Decide)).toBe('=clock("办案期限").deadline');
    expect(timerDateOf(timerOf(byId.Late)!)).toBe('=clock("办案期限").deadline');
  });

  it('should add and remove a clock control on a node with extension elements', async () => {
    // given
    const { moddle, byId, write } = await read(processXml(CLOCKS));

    // when
    const xml = await write(addClockControlCommands(byId.File, byId.File, '办案期限', 'start', moddle));

    // then
    expect(xml).toMatch(/<zeebe:assignmentDefinition candidateGroups="enforcement" \/>\s*<sparrow:clockControl clock="办案期限" action="start" \/>/);

    // when
    const removed = await write(removeClockControlCommands(byId.File, byId.File, clockControlsOf(byId.File)[0]));

    // then
    expect(removed).not.toContain('clockControl');
    expect(removed).toContain('<zeebe:assignmentDefinition candidateGroups="enforcement" />');
  });

  it('should write a due date preset into zeebe:taskSchedule and a timer preset as its date instead of its duration', async () => {
    // given
    const { moddle, byId, write } = await read(processXml(CLOCKS));

    // when
    await write(setDueDateCommands(byId.Decide, byId.Decide, '=clock("办案期限").deadline', moddle));
    const xml = await write(setTimerDateCommands(byId.Late, timerOf(byId.Late)!, '=add working days(now(), 7)', moddle));

    // then
    expect(xml).toContain('<zeebe:taskSchedule dueDate="=clock(&#34;办案期限&#34;).deadline" />');
    expect(xml).toContain('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=add working days(now(), 7)</bpmn:timeDate>');
    expect(xml).not.toContain('timeDuration');
  });

  it('should write XML the engine compiles into the clock, its start and stop, and due dates and a timer reading it', async () => {
    // given: a process without clocks
    const { moddle, byId, write } = await read(processXml(''));

    // when: the panel declares 办案期限, 立案 starts it, 决定 stops it and is due at its deadline, the timer fires 7 working days later
    await write(addClockCommands(byId.p, byId.p, { name: '办案期限', duration: 'P90D', approvers: 'street-commander', warnWithin: '10' }, moddle));
    await write(addClockControlCommands(byId.File, byId.File, '办案期限', 'start', moddle));
    await write(addClockControlCommands(byId.Decide, byId.Decide, '办案期限', 'stop', moddle));
    await write(setDueDateCommands(byId.Decide, byId.Decide, '=clock("办案期限").deadline', moddle));
    const xml = await write(setTimerDateCommands(byId.Late, timerOf(byId.Late)!, '=add working days(now(), 7)', moddle));
    const { problems, processes } = await compile(xml);

    // then
    expect(problems).toEqual([]);
    const model = processes[0].model;
    expect(model.clocks).toEqual({ 办案期限: { name: '办案期限', duration: 'P90D', approvers: ['street-commander'], warnWithin: 10 } });
    expect(model.usesLegalTime).toBe(true);
    expect(model.nodes.File.clockActions).toEqual([{ clock: '办案期限', action: 'start' }]);
    expect(model.nodes.Decide.clockActions).toEqual([{ clock: '办案期限', action: 'stop' }]);
    expect(model.nodes.Decide).toMatchObject({ userTask: { dueDate: { kind: 'feel', source: 'clock("办案期限").deadline' } } });
  });
});
