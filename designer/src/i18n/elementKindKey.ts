// The message key that names a BPMN element kind (`element.userTask` → 用户任务), `element.other` for kinds without one.

/** The element kinds that have their own name in the message catalogues. */
const NAMED_KINDS = ['startEvent', 'endEvent', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'task', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'intermediateCatchEvent', 'intermediateThrowEvent', 'subProcess', 'boundaryEvent', 'eventBasedGateway', 'eventSubProcess', 'process', 'sequenceFlow', 'callActivity', 'businessRuleTask', 'manualTask', 'participant', 'lane', 'messageFlow', 'textAnnotation', 'association'] as const;

/** The message key of element kind `kind`. */
export const elementKindKey = (kind: string) => `element.${(NAMED_KINDS as readonly string[]).includes(kind) ? (kind as (typeof NAMED_KINDS)[number]) : 'other'}` as const;

/** The element kind of a moddle type (`bpmn:UserTask` → `userTask`). */
export const kindOfBpmnType = (type: string) => {
  const local = type.replace(/^\w+:/, '');
  return local.charAt(0).toLowerCase() + local.slice(1);
};
