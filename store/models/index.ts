// Every mongoose model of Sparrow, registered on import (so indexes can be created at start-up).
export { ApiToken } from './apiToken';
export { AuditEvent, AuditLedger, AuditLedgerHead, AuditPendingSeal, auditRowId, LEDGER_HEAD_ID } from './auditEvent';
export { AUDIT_SIGNING_KEY_ID, AuditSigningKey } from './auditSigningKey';
export { CalendarRollout, type CalendarRolloutDoc } from './calendarRollout';
export { CalendarVersion, type CalendarVersionDoc, readLatestCalendar } from './calendarVersion';
export { Definition, DefinitionVersion } from './definition';
export { Draft } from './draft';
export { Form, FormVersion, formVersionId } from './form';
export { Idempotency } from './idempotency';
export { Instance, type InstanceDoc } from './instance';
export { Job, type JobDoc, JobWorker } from './job';
export { MessageBuffer, type MessageBufferDoc } from './messageBuffer';
export { Notification } from './notification';
export { OrgUnit } from './orgUnit';
export { Task, type TaskDoc, TaskHistory } from './task';
export { TASK_COUNT_KINDS, TaskCount, type TaskCountDoc } from './taskCount';
export { ALL_JOB_TYPES, ALL_STREETS, credentialVersionOf, User, type UserDoc } from './user';
export { Webhook, WebhookDelivery, WebhookSweep } from './webhook';
