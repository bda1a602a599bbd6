import { compile } from '../../../engine/compile';
import { diagram, fixture, problemsOf } from './harness';

describe('parse', () => {
  it.each([
    ['plain text', 'this is not xml', 'the diagram is not well-formed XML: missing start tag at line 1, column 1 near this is not xml'],
    ['an empty string', '', 'the diagram is not well-formed XML: missing start tag at line 1, column 1'],
  ])('should refuse %s as not XML', async (_, xml, message) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'not-xml', message }]);
  });

  it('should say on which line and column the XML breaks', async () => {
    // given
    const xml = fixture('truncated.bpmn');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'not-xml', message: expect.stringMatching(/^the diagram is not well-formed XML: .* at line \d+, column \d+/) }]);
  });

  it('should refuse a mismatched closing tag, with its position', async () => {
    // given
    const xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="P"></bpmn:definitions>';

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'not-xml', message: expect.stringContaining('closing tag mismatch at line 2') }]);
  });

  it.each([
    ['another root element', '<svg xmlns="http://www.w3.org/2000/svg" />', 'the document is not BPMN 2.0: <svg> is not a <definitions> element of namespace http://www.omg.org/spec/BPMN/20100524/MODEL'],
    ['a BPMN fragment', '<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="P" />', 'the document is not BPMN 2.0: <bpmn:process> is not a <definitions> element of namespace http://www.omg.org/spec/BPMN/20100524/MODEL'],
    ['definitions of a wrong namespace', '<bpmn:definitions xmlns:bpmn="http://schema.omg.org/spec/BPMN/2.0" />', 'the document is not BPMN 2.0: <bpmn:definitions> is not a <definitions> element of namespace http://www.omg.org/spec/BPMN/20100524/MODEL'],
  ])('should refuse %s as not BPMN', async (_, xml, message) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'not-bpmn', message }]);
  });

  it('should refuse duplicate ids, naming the id and where it repeats', async () => {
    // given
    const xml = fixture('duplicate-ids.bpmn');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ elementId: 'Task_1', code: 'duplicate-id', message: 'id <Task_1> is used by more than one element (again at line 7, column 5)' }]);
  });

  it('should return moddle import warnings (unknown elements and attributes, unresolved references) as warnings', async () => {
    // given
    const xml = diagram(`<bpmn:startEvent id="Start" foo="bar" /><bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
      <bpmn:endEvent id="End"><bpmn:extensionElements><zeebe:unknownThing /></bpmn:extensionElements></bpmn:endEvent>
      <bpmn:association id="Association_1" sourceRef="Start" targetRef="Nowhere" />`);

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      { elementId: 'Start', code: 'moddle-warning', message: 'unknown attribute <foo> on <Start>' },
      { code: 'moddle-warning', message: 'unknown type <zeebe:UnknownThing> at line 4, column 55: <zeebe:unknownThing> was skipped' },
      { elementId: 'Association_1', code: 'moddle-warning', message: 'unresolved reference <Nowhere> on <Association_1> (bpmn:targetRef)' },
    ]);
  });
});
