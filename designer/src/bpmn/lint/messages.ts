// The messages of Sparrow's lint rules: fixed English sentences, translated through the modeler's dictionary.

/** Every message a Sparrow lint rule reports. */
export const SPARROW_LINT_MESSAGES = {
  unsupportedElement: 'Element type is not supported by the Sparrow engine',
  unsupportedEventSubProcess: 'Event sub-processes are not supported by the Sparrow engine',
  unsupportedLoop: 'Loops and multi-instance are not supported by the Sparrow engine',
  gatewayWithoutDefault: 'Gateway has no default flow',
  userTaskWithoutAssignment: 'User task has no assignee, candidate groups or candidate users',
  jobTypeMissing: 'Task has no job type',
  jobTypeDynamic: 'Dynamic job types are not supported',
  jobTypeUnknown: 'Job type is not run by any Sparrow worker',
} as const;
