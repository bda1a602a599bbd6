// The BPMN element types Sparrow's engine runs and those it ignores: the compiler builds and skips by these lists, and the
// designer's lint rule warns by them before a diagram is deployed.

/** The flow-node types the engine runs (the compiler has one builder for each). */
export const SUPPORTED_FLOW_NODES = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:Task',
  'bpmn:ManualTask',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ScriptTask',
  'bpmn:ReceiveTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
] as const;
/** One flow-node type the engine runs. */
export type SupportedFlowNode = (typeof SUPPORTED_FLOW_NODES)[number];

/** The BPMN element types the engine runs: its flow nodes, plus the process and its sequence flows. */
export const SUPPORTED_ELEMENTS: readonly string[] = Object.freeze(['bpmn:Process', 'bpmn:SequenceFlow', ...SUPPORTED_FLOW_NODES]);

/** Flow elements and artifacts that carry no behaviour: ignored at runtime, with a warning. */
export const IGNORED_ELEMENTS: readonly string[] = Object.freeze(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:TextAnnotation', 'bpmn:Group']);
