// Filling in incoming/outgoing on import, so diagrams written without them lint as connected.
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { linkFlowRefs } from '../../../designer/src/bpmn/flowRefs';
import { fixture, lintXml } from '../lint/lintXml';

const XML = fixture('gateway-default.bpmn');

describe('linkFlowRefs', () => {
  it('should list each flow on its source and target once, even when run twice', async () => {
    // given
    const { elementsById } = (await new BpmnModdle({ zeebe }).fromXML(XML)) as unknown as { elementsById: Record<string, Parameters<typeof linkFlowRefs>[0][string]> };

    // when
    linkFlowRefs(elementsById);
    linkFlowRefs(elementsById);

    // then
    const ids = (list: Array<{ id?: string }>) => list.map((flow) => flow.id);
    expect(ids(elementsById.NoDefault.get('incoming') as Array<{ id?: string }>)).toEqual(['F1']);
    expect(ids(elementsById.NoDefault.get('outgoing') as Array<{ id?: string }>)).toEqual(['F2', 'F3']);
    expect(ids(elementsById.Join.get('incoming') as Array<{ id?: string }>)).toEqual(['F3', 'F4', 'F5']);
  });

  it('should be needed: without it bpmnlint reports every node of such XML as disconnected', async () => {
    // when
    const findings = await lintXml(XML, ['no-disconnected']);

    // then
    expect(findings.length).toBeGreaterThan(0);
  });
});
