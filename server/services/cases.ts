// Starting cases and sending them updates through Temporal, with Temporal's errors turned into domain errors.
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { type UpdateDefinition, WorkflowIdReusePolicy } from '@temporalio/common';
import { DEFAULT_LIMITS, type Variables } from '../../engine/interpreter';
import type { ExecutableModel } from '../../engine/model';
import {
  BPMN_WORKFLOW_TYPE,
  type BpmnProcessInput,
  caseWorkflowId,
  type CaseStateView,
  searchAttributes,
  stateQuery,
} from '../../workflows/definitions';
import type { WorkCalendar } from '../../contracts/legalTime';
import { instanceScope, type Principal } from '../auth/principal';
import { conflict, invalid, notFound, unprocessable } from '../../platform/errors';
import { childInstancesOf, dropIfClosed, findInstanceAnywhere, instanceExistsAnywhere, type InstanceRow } from '../../store/instances';
import { Definition, Instance, type InstanceDoc } from '../../store/models';
import { currentCalendar } from './calendars';
import { loadVersion } from './definitions';
import { startVariables } from './forms';
import { checkStarter } from './starters';
import { reconcileCase } from './reconcile';
import { withUpdateTimeout } from './updateTimeout';

/** What starting a case needs. */
export interface StartCaseInput {
  definitionKey: string;
  version?: number;
  businessKey: string;
  street?: string | null;
  variables: Variables;
  startedBy: string;
  /** The message start event the case starts at (absent: the none start event, whose start form checks the variables). */
  startNodeId?: string;
  /** The working-day calendar of a case whose model uses legal time (absent: the current version). */
  calendar?: WorkCalendar;
  /** The person starting it by hand through the API, checked against the process's starters (absent: a message start). */
  starter?: Pick<Principal, 'roles' | 'groups'>;
}

/**
 * Writes a started case's first summary unless the worker's first progress write got there first. An insert whose
 * duplicate is ignored, not an upsert: FerretDB v1 runs an upsert as a find then an insert, so an upsert racing the
 * worker's insert failed with a duplicate key (a 500 for a case that had started).
 */
async function insertStartSummary(row: InstanceDoc): Promise<void> {
  try {
    await Instance.collection.insertOne(row as never);
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return;
  }
  // The case may have run to its end and moved to the history before this insert: take the stale running row out again.
  await dropIfClosed(row._id);
}

/**
 * The start variables with the starter's username in the process's initiator variable (`sparrow:initiator`), replacing
 * whatever was sent under that name, so a task assigned `=<variable>` goes to the person who started the case.
 */
function withInitiator(model: ExecutableModel, variables: Variables, startedBy: string): Variables {
  return model.initiatorVariable ? { ...variables, [model.initiatorVariable]: startedBy } : variables;
}

/** A retired definition starts no case (409); one without a none start event starts only at its timer or message start events (422). */
async function checkStartable(definition: { key: string; model: ExecutableModel }, startNodeId: string | undefined): Promise<void> {
  if (await Definition.exists({ key: definition.key, retiredAt: { $ne: null } })) throw conflict('definition-retired', `${definition.key} is retired; deploy it again to start cases`);
  if (startNodeId === undefined && definition.model.startNodeIds.length === 0) {
    throw unprocessable('no-none-start-event', `${definition.key} has no none start event: its cases start only at its timer or message start events`);
  }
}

/**
 * Starts a case of a deployed definition (by `starter`, when given, only if the process names them among its starters:
 * 403 not-a-starter; variables checked against its start form, if any; the current working-day
 * calendar in its input when its model uses legal time); the same definition key and business key twice is a 409.
 */
export async function startCase(client: Client, taskQueue: string, input: StartCaseInput) {
  const definition = await loadVersion(input.definitionKey, input.version);
  if (input.starter) checkStarter(input.starter, definition);
  await checkStartable(definition, input.startNodeId);
  const workflowId = caseWorkflowId(definition.key, input.businessKey);
  const args: BpmnProcessInput = {
    model: definition.model,
    definition: { key: definition.key, version: definition.version, sha256: definition.sha256 },
    businessKey: input.businessKey,
    street: input.street ?? null,
    variables: withInitiator(definition.model, input.startNodeId ? input.variables : await startVariables(definition, input.variables), input.startedBy),
    startedBy: input.startedBy,
    ...(input.startNodeId ? { startNodeId: input.startNodeId } : {}),
    // legal time: the case computes with the calendar version current at its start (updateCalendar brings newer ones)
    ...(definition.model.usesLegalTime ? { calendar: input.calendar ?? (await currentCalendar()) } : {}),
  };
  try {
    await client.workflow.start(BPMN_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [args],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: searchAttributes.definitionKey, value: definition.key },
        { key: searchAttributes.definitionVersion, value: definition.version },
        { key: searchAttributes.businessKey, value: input.businessKey },
        { key: searchAttributes.status, value: 'running' },
        ...(input.street ? [{ key: searchAttributes.street, value: input.street }] : []),
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw conflict('duplicate-business-key', `a case of ${definition.key} with business key ${input.businessKey} already exists`, { id: workflowId });
    }
    throw error;
  }
  await insertStartSummary({
    _id: workflowId,
    definitionKey: definition.key,
    definitionVersion: definition.version,
    businessKey: input.businessKey,
    street: input.street ?? null,
    status: 'running',
    currentElements: [],
    incidentCount: 0,
    waitingSignals: [],
    waitingMessages: [],
    parentInstanceId: null,
    parentElementId: null,
    startedBy: input.startedBy,
    startedAt: new Date(),
    endedAt: null,
    clocksJson: null,
    calendarVersion: args.calendar?.version ?? null,
    progressSeq: 0,
  });
  return { id: workflowId, definitionKey: definition.key, version: definition.version, businessKey: input.businessKey, street: input.street ?? null };
}

/** Reads a case's current state from its workflow. */
export async function caseState(client: Client, id: string): Promise<CaseStateView> {
  try {
    return await client.workflow.getHandle(id).query(stateQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound(`case ${id}`);
    throw error;
  }
}

/** Sends an update to a case; a refusal by its validator becomes a 409 (or 400 for a bad payload) with the reason. */
export async function updateCase<Req>(client: Client, id: string, update: UpdateDefinition<CaseStateView, [Req]>, request: Req): Promise<CaseStateView> {
  try {
    return await withUpdateTimeout(client, id, () => client.workflow.getHandle(id).executeUpdate(update, { args: [request] }));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      // The workflow of a known case is gone from the running set: it has ended (its summary is marked failed if it ended abnormally).
      if (await instanceExistsAnywhere({ _id: id })) {
        await reconcileCase(client, id);
        throw conflict('case-closed', `case ${id} has ended`);
      }
      throw notFound(`case ${id}`);
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      if (/exceed the limit/.test(reason)) throw unprocessable('variables-too-large', reason, { limit: DEFAULT_LIMITS.maxVariableBytes });
      if (/must be a JSON object|needs a reason/.test(reason)) throw invalid('invalid-update', reason);
      if (/runs on engine v1/.test(reason)) throw conflict('engine-v1-case', reason);
      throw conflict('update-refused', reason);
    }
    // The case ended while the Update was on its way (e.g. it took a buffered message and completed): a 409, not a 500.
    if (await caseHasEnded(client, id)) throw conflict('case-closed', `case ${id} has ended`);
    throw error;
  }
}

/** Whether case `id`'s workflow is no longer running (false when that cannot be told: the caller's error stands). */
export async function caseHasEnded(client: Client, id: string): Promise<boolean> {
  try {
    return (await client.workflow.getHandle(id).describe()).status.name !== 'RUNNING';
  } catch {
    return false;
  }
}


/** An instance summary as the API shows it (every field present). */
export function instanceView(row: InstanceRow) {
  return {
    id: row._id,
    definitionKey: row.definitionKey,
    definitionVersion: row.definitionVersion,
    businessKey: row.businessKey,
    street: row.street ?? null,
    status: row.status,
    currentElements: row.currentElements ?? [],
    incidentCount: row.incidentCount ?? 0,
    startedBy: row.startedBy ?? null,
    startedAt: new Date(row.startedAt).toISOString(),
    endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
  };
}

/** How many child cases one case lists at most (a 10,000-item multi-instance call activity pages them elsewhere). */
export const MAX_LISTED_CHILDREN = 1_000;

/**
 * The case's place among call activities: its calling case (`parent`, when it is a child case) and the child cases its
 * call activities started (newest first, at most MAX_LISTED_CHILDREN), each with its status and open incidents. Children
 * run in their parent's street, so whoever may see the parent sees them.
 */
export async function caseLinks(row: InstanceRow): Promise<{ parent?: { instanceId: string; elementId: string }; children: Array<{ instanceId: string; elementId: string; definitionKey: string; status: InstanceRow['status']; openIncidents: number }> }> {
  const children = await childInstancesOf(row._id, MAX_LISTED_CHILDREN);
  return {
    ...(row.parentInstanceId ? { parent: { instanceId: row.parentInstanceId, elementId: row.parentElementId ?? '' } } : {}),
    children: children.map((c) => ({ instanceId: c._id, elementId: c.parentElementId ?? '', definitionKey: c.definitionKey, status: c.status, openIncidents: c.incidentCount ?? 0 })),
  };
}

/** The summary of a case the caller may see; out-of-scope and unknown ids alike are 404. */
export async function visibleInstance(user: Principal, id: string): Promise<InstanceRow> {
  const row = await findInstanceAnywhere(id, instanceScope(user));
  if (!row) throw notFound(`case ${id}`);
  return row;
}
