// Every mongoose model of Sparrow, registered on import (so indexes can be created at start-up).
export { ApiToken } from './apiToken';
export { AuditEvent } from './auditEvent';
export { Definition, DefinitionVersion } from './definition';
export { Draft } from './draft';
export { Form, FormVersion, formVersionId } from './form';
export { Idempotency } from './idempotency';
export { Instance, INSTANCE_STATUSES } from './instance';
export { Notification } from './notification';
export { ORG_UNIT_KINDS, OrgUnit, type OrgUnitKind } from './orgUnit';
export { Task, TASK_STATUSES } from './task';
export { ALL_STREETS, ROLES, type Role, User, type UserDoc } from './user';
