// The messages of Sparrow's lint rules: fixed English sentences, translated through the modeler's dictionary.

/** Every message a Sparrow lint rule reports. */
export const SPARROW_LINT_MESSAGES = {
  unsupportedElement: 'Element type is not supported by the Sparrow engine',
  unsupportedEventDefinition: 'This kind of event is not supported here by the Sparrow engine',
  eventDefinitionMissing: 'Event needs a trigger here (timer, message, error, escalation or signal)',
  alwaysInterrupting: 'Error events always interrupt: they cannot be non-interrupting',
  eventGatewayTarget: 'Event-based gateway may only lead to timer, message or signal intermediate catch events',
  unsupportedLoop: 'Standard loops are not supported by the Sparrow engine: use multi-instance',
  gatewayWithoutDefault: 'Gateway has no default flow',
  userTaskWithoutAssignment: 'User task has no assignee, candidate groups or candidate users',
  jobTypeMissing: 'Task has no job type',
  jobTypeDynamic: 'Dynamic job types are not supported',
  jobTypeExternal: 'External job type: an external job worker serves it (task queue jobs.<type>)',
  clockWithoutName: 'A declared clock has no name',
  clockNameDuplicate: 'Two declared clocks have the same name',
  clockWithoutLength: 'A declared clock needs a duration or a number of working days',
  clockBothLengths: 'A declared clock has both a duration and a number of working days: keep one',
  clockUndeclared: 'Clock control names a clock the process does not declare',
  clockActionInvalid: 'Clock control must start or stop its clock',
} as const;
