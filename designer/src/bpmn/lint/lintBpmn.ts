// Lints BPMN XML without a modeler (an imported file): bpmnlint with the modeler's configuration over a bpmn-moddle
// tree, each finding with its element's name.
import { Linter } from 'bpmnlint';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrowDescriptor from '../../../../contracts/bpmn/sparrowModdle.json';
import { LINT_CONFIG } from './config';

/** One finding, as the modeler's lint panel shows it. */
export interface XmlFinding {
  rule: string;
  elementId?: string;
  elementName?: string;
  /** bpmnlint's English message (translate it with the modeler's translator). */
  message: string;
  severity: 'error' | 'warning';
}

interface FlowNodeLike {
  $type: string;
  name?: string;
  sourceRef?: FlowNodeLike;
  targetRef?: FlowNodeLike;
  get(name: string): FlowNodeLike[];
}

/** Links each flow to its nodes' `incoming`/`outgoing` where the file leaves them out, as bpmn-js's import does (else every node looks disconnected). */
function linkFlows(elements: Array<FlowNodeLike | undefined>): void {
  for (const flow of elements) {
    if (flow?.$type !== 'bpmn:SequenceFlow') continue;
    const outgoing = flow.sourceRef?.get('outgoing');
    if (outgoing && !outgoing.includes(flow)) outgoing.push(flow);
    const incoming = flow.targetRef?.get('incoming');
    if (incoming && !incoming.includes(flow)) incoming.push(flow);
  }
}

/** The findings of `xml`, errors first; rejects when the text is not BPMN XML. */
export async function lintBpmn(xml: string): Promise<XmlFinding[]> {
  const { rootElement, elementsById } = (await new BpmnModdle({ zeebe: zeebeDescriptor, sparrow: sparrowDescriptor }).fromXML(xml)) as unknown as {
    rootElement: unknown;
    elementsById: Record<string, FlowNodeLike | undefined>;
  };
  linkFlows(Object.values(elementsById));
  const results = (await new Linter(LINT_CONFIG).lint(rootElement)) as Record<string, Array<{ id?: string; message: string; category: string }>>;
  const findings = Object.entries(results).flatMap(([rule, reports]) =>
    reports.map(
      (report): XmlFinding => ({
        rule,
        elementId: report.id,
        elementName: (report.id && elementsById[report.id]?.name) || undefined,
        message: report.message,
        severity: report.category === 'warn' || report.category === 'info' ? 'warning' : 'error',
      }),
    ),
  );
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
