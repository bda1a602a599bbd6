// The message key that names a property the version diff lists (`documentation[0]` → 说明,
// `extensionElements.values[1].candidateGroups` → 候选组): the innermost named segment, else the outermost, else 其他属性.
import type { MessageKey } from './messages/zh-CN';

/** The properties that have their own name in the message catalogues. */
const NAMED_PROPERTIES = [
  'name', 'documentation', 'extensionElements', 'conditionExpression', 'default', 'sourceRef', 'targetRef', 'incoming', 'outgoing',
  'eventDefinitions', 'loopCharacteristics', 'isExecutable', 'flowElements', 'attachedToRef', 'cancelActivity', 'timeDuration',
  'timeDate', 'timeCycle', 'messageRef', 'signalRef', 'errorRef', 'escalationRef', 'calledElement', 'processId', 'candidateGroups',
  'candidateUsers', 'assignee', 'formId', 'formKey', 'type', 'retries', 'dueDate', 'followUpDate', 'priority', 'inputCollection',
  'inputElement', 'outputCollection', 'outputElement', 'completionCondition', 'isSequential', 'correlationKey', 'source', 'target',
  'values', 'names',
] as const;

/** The message key of diff property path `path`. */
export function diffPropertyKey(path: string): MessageKey {
  const segments = path.split('.').map((segment) => segment.replace(/\[\d+\]$/, ''));
  const named = [segments.at(-1), segments[0]].find((segment) => (NAMED_PROPERTIES as readonly string[]).includes(segment ?? ''));
  return `diff.property.${(named as (typeof NAMED_PROPERTIES)[number] | undefined) ?? 'other'}`;
}
