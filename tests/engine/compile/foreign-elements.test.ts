// Issue 10 defect 1: elements of namespaces other than BPMN's and zeebe's are refused outside extensionElements, and
// active web content (XHTML, SVG, MathML, XSLT) is refused everywhere, so a stored diagram cannot carry a script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../../engine/compile';
import { problemsOf, startingAt } from './harness';

const XHTML = 'xmlns:html="http://www.w3.org/1999/xhtml"';
const SCRIPT = `<html:script ${XHTML}>alert(1)</html:script>`;

/** A valid one-task diagram with `extra` inside the end event (any element that has an id encloses it). */
const withExtra = (extra: string) => startingAt('End', `<bpmn:endEvent id="End">${extra}</bpmn:endEvent>`);

describe('foreign elements', () => {
  it.each([
    ['inside a flow element', withExtra(SCRIPT), 'End', 'endEvent <End>', 'line 4'],
    ['inside the process', startingAt('End', `<bpmn:endEvent id="End" />${SCRIPT}`), 'Process_1', 'process <Process_1>', 'line 3'],
    ['inside documentation', startingAt('End', `<bpmn:endEvent id="End"><bpmn:documentation>see ${SCRIPT}</bpmn:documentation></bpmn:endEvent>`), 'End', 'endEvent <End>', 'line 3'],
  ])('should refuse an XHTML script %s, naming it and the element that holds it', async (_where, xml, elementId, holder) => {
    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([
      {
        code: 'foreign-element',
        elementId,
        message: expect.stringMatching(new RegExp(`^<html:script> \\(namespace http://www\\.w3\\.org/1999/xhtml\\) in ${holder.replace(/[<>]/g, '\\$&')} at line \\d+, column \\d+ is not allowed`)),
      },
    ]);
  });

  it.each([
    ['a default-namespace XHTML script', '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>', '<script>'],
    ['an SVG image with an onload handler', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" onload="alert(1)"/>', '<svg:svg>'],
    ['an element of an unknown vendor namespace', '<acme:note xmlns:acme="urn:acme">hi</acme:note>', '<acme:note>'],
    ['an XHTML element under a prefix that BPMN uses elsewhere', '<zeebe:script xmlns:zeebe="http://www.w3.org/1999/xhtml">alert(1)</zeebe:script>', '<zeebe:script>'],
  ])('should refuse %s outside extensionElements', async (_what, extra, name) => {
    // when
    const problems = await problemsOf(withExtra(extra));

    // then
    expect(problems).toEqual([{ code: 'foreign-element', elementId: 'End', message: expect.stringContaining(`${name} (namespace `) }]);
  });

  it('should refuse an XHTML script even inside extensionElements', async () => {
    // given
    const xml = withExtra(`<bpmn:extensionElements>${SCRIPT}</bpmn:extensionElements>`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'foreign-element', elementId: 'End', message: expect.stringContaining('active web content') }]);
  });

  it('should refuse an xml-stylesheet processing instruction, which a browser would apply', async () => {
    // given
    const xml = withExtra('').replace('<bpmn:definitions', '<?xml-stylesheet type="text/xsl" href="data:,x"?>\n<bpmn:definitions');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'foreign-element', message: expect.stringMatching(/^the processing instruction <\?xml-stylesheet\?> at line 2, column 1 is not allowed/) }]);
  });

  it('should refuse an element whose prefix is not declared, instead of skipping what follows it', async () => {
    // given an undeclared prefix, then a script the parser would never reach if it stopped there
    const xml = withExtra(`<nowhere:thing />${SCRIPT}`);

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems.map((p) => p.code)).toContain('not-xml');
    expect(problems.find((p) => p.code === 'not-xml')?.message).toMatch(/missing namespace on <nowhere:thing>/);
  });

  it('should report at most 20 foreign elements of a large diagram', async () => {
    // given
    const xml = withExtra(SCRIPT.repeat(1000));

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toHaveLength(20);
  });

  it('should accept DI, designer attributes and other vendors\' elements inside extensionElements', async () => {
    // given a diagram as bpmn-js writes it (DI, modeler and colour attributes), plus a foreign extension element
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
    xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0"
    xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" xmlns:acme="urn:acme"
    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:extensionElements><acme:note><acme:text>kept</acme:text></acme:note></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start" bioc:stroke="#831311" color:background-color="#ffcdd2"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="200" y="100" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="200" y="140" width="36" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.processes).toHaveLength(1);
  });

  it.each(['street-whistle.bpmn', 'unlicensed-business.bpmn'])('should still compile the shipped template %s', async (name) => {
    // given a template the designer offers
    const xml = readFileSync(join(__dirname, '../../../processes', name), 'utf8');

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([]);
  });
});
