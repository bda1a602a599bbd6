import { compile } from '../../../engine/compile';
import { problemsOf, startingAt } from './harness';

const linkThrow = (id: string, name: string) => `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateThrowEvent>`;
const linkCatch = (id: string, name: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:intermediateCatchEvent>`;

/** Start -> link throw `Throw` (name `thrown`); link catch `Catch` (name `caught`) -> End; plus `extra`. */
const withLink = (thrown: string, caught: string, extra = '') =>
  startingAt('Throw', `${linkThrow('Throw', thrown)}${linkCatch('Catch', caught)}<bpmn:sequenceFlow id="Flow_On" sourceRef="Catch" targetRef="End" /><bpmn:endEvent id="End" />${extra}`);

describe('link events', () => {
  it('should compile a link throw and the link catch of its name, without unreachable or implicit-end warnings', async () => {
    // when
    const result = await compile(withLink('review', 'review'));

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const { nodes } = result.processes[0].model;
    expect(nodes.Throw).toEqual({ id: 'Throw', kind: 'intermediateThrowEvent', scope: null, incoming: ['Flow_Start'], outgoing: [], eventDefinition: { kind: 'link', linkName: 'review' } });
    expect(nodes.Catch).toEqual({ id: 'Catch', kind: 'intermediateCatchEvent', scope: null, incoming: [], outgoing: ['Flow_On'], eventDefinition: { kind: 'link', linkName: 'review' } });
  });

  it.each([
    ['a link throw without link catch of its name', withLink('review', 'other'), 'Throw', 'intermediateThrowEvent <Throw> throws link "review", but its scope has no link catch event of that name'],
    [
      'two link catch events of one name in a scope',
      withLink('review', 'review', `${linkCatch('Catch2', 'review')}<bpmn:sequenceFlow id="Flow_On2" sourceRef="Catch2" targetRef="End" />`),
      'Catch2',
      'intermediateCatchEvent <Catch2> catches link "review" as <Catch> does; link catch names must be unique in a scope',
    ],
    [
      'a link throw with an outgoing flow',
      withLink('review', 'review', '<bpmn:sequenceFlow id="Flow_Out" sourceRef="Throw" targetRef="End" />'),
      'Throw',
      'intermediateThrowEvent <Throw> throws link "review" and has outgoing flows; the case goes on at the link catch event instead',
    ],
    [
      'a link catch with an incoming flow',
      withLink('review', 'review', '<bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Catch" />'),
      'Catch',
      'intermediateCatchEvent <Catch> catches link "review" and has incoming flows; a link catch event is entered only by its link',
    ],
  ])('should NOT accept %s', async (_what, xml, elementId, message) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId, code: 'link-invalid', message }]);
  });

  it('should NOT accept a link throw whose catch is in another scope', async () => {
    // given
    const xml = startingAt(
      'Throw',
      `${linkThrow('Throw', 'review')}
       <bpmn:subProcess id="Sub">${linkCatch('Catch', 'review')}<bpmn:startEvent id="Sub_Start" /></bpmn:subProcess>`,
    );

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      { elementId: 'Throw', code: 'link-invalid', message: 'intermediateThrowEvent <Throw> throws link "review", but its scope has no link catch event of that name' },
    ]);
  });
});

describe('reachability of event paths', () => {
  it('should NOT warn that boundary-event and event-subprocess paths are unreachable', async () => {
    // given
    const xml = startingAt(
      'Task',
      `<bpmn:userTask id="Task" /><bpmn:sequenceFlow id="Flow_Done" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" />
       <bpmn:boundaryEvent id="Timeout" attachedToRef="Task"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:sequenceFlow id="Flow_Timeout" sourceRef="Timeout" targetRef="Escalate" /><bpmn:task id="Escalate" />
       <bpmn:sequenceFlow id="Flow_Escalated" sourceRef="Escalate" targetRef="End" />
       <bpmn:subProcess id="Events" triggeredByEvent="true">
         <bpmn:startEvent id="Events_Start"><bpmn:errorEventDefinition /></bpmn:startEvent>
         <bpmn:sequenceFlow id="Flow_E" sourceRef="Events_Start" targetRef="Events_End" /><bpmn:endEvent id="Events_End" />
       </bpmn:subProcess>`,
    );

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('should still warn about an event subprocess inside an unreachable subprocess', async () => {
    // given
    const xml = startingAt(
      'End',
      `<bpmn:endEvent id="End" />
       <bpmn:subProcess id="Orphan"><bpmn:startEvent id="Orphan_Start" />
         <bpmn:subProcess id="Events" triggeredByEvent="true"><bpmn:startEvent id="Events_Start"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess>
       </bpmn:subProcess>`,
    );

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings.filter((warning) => warning.code === 'unreachable').map((warning) => warning.elementId)).toEqual(['Orphan', 'Orphan_Start', 'Events', 'Events_Start']);
  });
});
