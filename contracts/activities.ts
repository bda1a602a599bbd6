// The activities the bpmnProcess workflow calls, as a contract: their inputs and outputs, and the interface the
// workflow proxies. workflows/ types its proxies with it; activities/ implements it (type-only).
import type { AuditEntry, UserTaskSpec, Variables } from './caseData';
import type { ClockState, WorkCalendar } from './legalTime';

/** Who and what a case is, as carried by every read-model write. */
export interface CaseRef {
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string;
  street: string | null;
  /** For a call activity's child case: the calling case and its call activity (written to the child's summary row). */
  parent?: { instanceId: string; elementId: string };
}

/** Input of openUserTask. */
export interface OpenUserTaskInput {
  caseRef: CaseRef;
  task: UserTaskSpec;
  at: string;
}

/** Input of closeUserTask. */
export interface CloseUserTaskInput {
  taskId: string;
  outcome: 'completed' | 'cancelled';
  actor: string;
  at: string;
}

/** Input of setTaskHolder: who holds the task now (null: no one) and who made the change. */
export interface SetTaskHolderInput {
  taskId: string;
  assignee: string | null;
  by: string;
  at: string;
}

/** Input of setTaskDates: an open task's due and follow-up dates after a clock or calendar change moved them. */
export interface SetTaskDatesInput {
  taskId: string;
  dueDate: string | null;
  followUpDate: string | null;
  /** The due date counts days of a year whose holidays the calendar does not know yet (暂定). */
  dueProvisional: boolean;
}

/**
 * A case's summary row as the workflow writes it (incident: running, but some step is stopped). `waitingSignals` and
 * `waitingMessages`: the names the case may wait for now (read from the model by its active elements, a superset), so
 * the server finds the cases a signal or message goes to; absent from summaries written before issue 12.
 */
export interface CaseSummary {
  status: 'running' | 'incident' | 'completed' | 'cancelled';
  currentElements: string[];
  incidentCount: number;
  waitingSignals?: string[];
  waitingMessages?: string[];
  endedAt?: string;
  /** The statutory clocks started so far (legal time; absent before issue 14 and in cases without clocks). */
  clocks?: ClockState[];
  /** The version of the working-day calendar the case computes with (absent: none). */
  calendarVersion?: number;
}

/** Input of recordProgress: audit entries numbered from `firstSeq`, and the summary after them. */
export interface RecordProgressInput {
  caseRef: CaseRef;
  startedBy: string;
  startedAt: string;
  firstSeq: number;
  entries: AuditEntry[];
  summary: CaseSummary;
}

/** The read-model activities every worker registers under these names. */
export interface ReadModelActivities {
  /** Opens a user task's row (a retried or replayed call leaves the same single row). */
  openUserTask(input: OpenUserTaskInput): Promise<void>;
  /** Marks a task's row completed or cancelled. */
  closeUserTask(input: CloseUserTaskInput): Promise<void>;
  /** Writes who holds an open task. */
  setTaskHolder(input: SetTaskHolderInput): Promise<void>;
  /** Writes an open task's moved due and follow-up dates. */
  setTaskDates(input: SetTaskDatesInput): Promise<void>;
  /** Appends audit entries to the case's chain and writes its summary; answers the chain's head after them (none for no entries). */
  recordProgress(input: RecordProgressInput): Promise<AuditChainHead | null | void>;
}

/** The last link of a case's audit chain: its seq and hash. */
export interface AuditChainHead {
  lastSeq: number;
  hash: string;
}

/** Input of resolveCalledProcess: the process a call activity calls, its binding, and the calling case's definition. */
export interface ResolveCalledProcessInput {
  processId: string;
  binding: 'latest' | 'deployment';
  caller: { definitionKey: string; definitionVersion: number; elementId: string };
}

/** The deployed version a call activity starts: its model (it travels in the child's input) and its identity. */
export interface CalledProcess {
  model: unknown;
  definition: { key: string; version: number; sha256: string };
}

/** The ApplicationFailure type of a called process that is not deployed (or a pinned version that is gone): not retried. */
export const CALLED_PROCESS_NOT_FOUND = 'CalledProcessNotFound';

/** The activities of call activities: finding the called process's version in the definitions store. */
export interface CallActivityActivities {
  /** The version to start: the latest deployed (`latest`), or the one pinned when the caller was deployed (`deployment`). */
  resolveCalledProcess(input: ResolveCalledProcessInput): Promise<CalledProcess>;
}

/** The calendar lookup of legal time: a case that starts without a calendar in its input reads the current version. */
export interface CalendarActivities {
  /** The newest version of the working-day calendar (null: none stored yet). */
  currentCalendar(): Promise<WorkCalendar | null>;
}

/** What a job activity is given: the case, the element, its headers and the variables it can see. */
export interface JobInput {
  /** Stable across activity retries and replays: use it to make side effects idempotent. */
  jobKey: string;
  instanceId: string;
  elementId: string;
  jobType: string;
  headers: Record<string, string>;
  variables: Variables;
}

/**
 * A job activity: runs the work of a service task and returns variables to set in the case. Any other failure is
 * retried up to the task's retries, then becomes an incident; a business error the process should handle is thrown as
 * `ApplicationFailure.nonRetryable(message, BPMN_ERROR_TYPE, errorCode, variables?)` (not retried): an error boundary or
 * error event subprocess catching `errorCode` (or any code) takes over with the error's variables (its output mappings
 * apply), as in Camunda 8; uncaught, it is an incident on the task.
 */
export type JobActivity = (input: JobInput) => Promise<Variables>;

/** The ApplicationFailure type of a BPMN error thrown by a job; its details[0] is the error code (a non-empty text), details[1] optional variables. */
export const BPMN_ERROR_TYPE = 'BpmnError';

/** The job activities a worker registers, keyed by job type (the activity's name is the job type). */
export type JobActivities = Record<string, JobActivity>;

/**
 * What an external job worker's activity is given (a job type no built-in handler serves; docs/ARCHITECTURE.md,
 * *External job workers*): the JobInput plus the process, the element instance and the task's retries.
 */
export interface ExternalJobInput extends JobInput {
  /** The BPMN process id (the definition key). */
  bpmnProcessId: string;
  /** The element instance waiting for the job. */
  elementInstanceId: string;
  /** The task's retries (attempts) as in the model. */
  retries: number;
}

/**
 * The activities external job workers register on the type's task queue, keyed by job type (activity name = job
 * type); a result and a BPMN error are as for a JobActivity.
 */
export type ExternalJobActivities = Record<string, (input: ExternalJobInput) => Promise<Variables>>;
