// Every mongoose model of Sparrow, registered on import (so indexes can be created at start-up).
export { AuditEvent } from './auditEvent';
export { Definition, DefinitionVersion } from './definition';
export { Instance, INSTANCE_STATUSES } from './instance';
export { Notification } from './notification';
export { Task, TASK_STATUSES } from './task';
