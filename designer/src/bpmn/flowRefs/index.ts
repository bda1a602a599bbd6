// diagram-js module: fills in the `incoming`/`outgoing` lists of flow nodes on import when the XML leaves them out.
// BPMN allows omitting them (the compiler and many generators do); bpmn-js draws the flows anyway, but bpmnlint
// reads the lists and would report every node as disconnected, and exports would keep them missing.

interface ModdleNode {
  $type: string;
  sourceRef?: ModdleNode;
  targetRef?: ModdleNode;
  get(property: 'incoming' | 'outgoing'): ModdleNode[];
}

interface EventBusLike {
  on(event: string, callback: (event: { elementsById?: Record<string, ModdleNode> }) => void): void;
}

/** Adds each sequence flow to its source's `outgoing` and its target's `incoming` when it is not listed there yet. */
export function linkFlowRefs(elementsById: Record<string, ModdleNode>): void {
  for (const element of Object.values(elementsById)) {
    if (element.$type !== 'bpmn:SequenceFlow') continue;
    const outgoing = element.sourceRef?.get('outgoing');
    if (outgoing && !outgoing.includes(element)) outgoing.push(element);
    const incoming = element.targetRef?.get('incoming');
    if (incoming && !incoming.includes(element)) incoming.push(element);
  }
}

function FlowRefs(eventBus: EventBusLike) {
  eventBus.on('import.parse.complete', (event) => {
    if (event.elementsById) linkFlowRefs(event.elementsById);
  });
}
FlowRefs.$inject = ['eventBus'];

/** Add to `additionalModules` of a Modeler. */
export default { __init__: ['flowRefs'], flowRefs: ['type', FlowRefs] };
