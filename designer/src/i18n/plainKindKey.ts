// The message key that names a BPMN element kind in plain words for the people doing the work (`exclusiveGateway` →
// 判断, never 排他网关): what a timeline or task shows for an element the diagram gives no name.

/** The kinds that have their own plain word in the message catalogues. */
const PLAIN_KINDS = ['startEvent', 'endEvent', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'task', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'intermediateCatchEvent', 'intermediateThrowEvent', 'subProcess', 'boundaryEvent', 'eventSubProcess', 'callActivity'] as const;

/** The message key of kind `kind` in plain words (`plainKind.other` for a kind without one, or none). */
export const plainKindKey = (kind: string | null | undefined) => `plainKind.${(PLAIN_KINDS as readonly string[]).includes(kind ?? '') ? (kind as (typeof PLAIN_KINDS)[number]) : 'other'}` as const;
