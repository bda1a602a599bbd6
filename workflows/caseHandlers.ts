// The state query and the eleven Updates of a case. Each validator refuses what the interpreter would refuse, so a bad
// request records nothing; each handler feeds the interpreter one event and answers once its writes are done.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { EngineEvent, EngineLimits, HolderEvent } from '../engine/interpreter';
import { caseHolderOf, caseRejectionOf, messageWaitOf, messageWaitSince } from './caseEngine';
import { type CaseRunner, now } from './caseRunner';
import { caseStateView } from './caseViews';
import {
  assignTaskUpdate,
  type BpmnProcessInput,
  type BroadcastSignalRequest,
  broadcastSignalUpdate,
  cancelUpdate,
  type ChangeClockRequest,
  changeClockUpdate,
  claimTaskUpdate,
  completeTaskUpdate,
  type CorrelateMessageRequest,
  correlateMessageUpdate,
  messageWaitQuery,
  resolveIncidentUpdate,
  type SetVariablesRequest,
  setVariablesUpdate,
  stateQuery,
  type TaskHolderView,
  unclaimTaskUpdate,
  updateCalendarUpdate,
} from './definitions';

/** Registers the query and the Updates of the case `runner` runs; `validatorLimits` are the limits new requests are judged by. */
export function setCaseHandlers(runner: CaseRunner, input: BpmnProcessInput, validatorLimits: EngineLimits): void {
  const view = () => caseStateView(input, runner.state);

  /** Refuses an update whose event the interpreter would refuse; the state stays unchanged. */
  const validate = (event: EngineEvent) => {
    const rejection = caseRejectionOf(runner.state, event, validatorLimits);
    if (rejection) throw ApplicationFailure.nonRetryable(rejection, 'Rejected');
  };

  /** Applies the event and answers the case's view once its writes are done. */
  const applied = async (event: EngineEvent) => {
    await runner.apply(event);
    return view();
  };

  /** Applies a change of a task's holder (none if the task closed meanwhile) and answers who holds the task now. */
  const holderChanged = async (event: HolderEvent): Promise<TaskHolderView> => {
    await runner.applyUnlessMovedOn(event);
    return { taskId: event.taskId, assignee: caseHolderOf(runner.state, event.taskId) };
  };

  const messageEvent = (req: CorrelateMessageRequest): EngineEvent => ({
    type: 'messageCorrelated',
    at: now(),
    actor: req.actor,
    waitId: messageWaitOf(runner.state, req.name, req.correlationKey) ?? `message ${req.name} with key ${req.correlationKey}`,
    variables: req.variables,
  });

  const signalEvent = (req: BroadcastSignalRequest): EngineEvent => ({ type: 'signalBroadcast', at: now(), actor: req.actor, name: req.name, variables: req.variables });

  /** The engine event of a clock change; an unknown action is refused here (the interpreter judges the rest). */
  const clockEvent = (req: ChangeClockRequest): EngineEvent => {
    const base = { at: now(), actor: req.actor, clock: req.clock, reason: req.reason };
    if (req.action === 'suspend') return { type: 'clockSuspended', ...base, ground: req.ground as NonNullable<ChangeClockRequest['ground']> };
    if (req.action === 'resume') return { type: 'clockResumed', ...base };
    if (req.action === 'extend') return { type: 'clockExtended', ...base, days: req.days as number };
    throw ApplicationFailure.nonRetryable(`unknown clock action ${JSON.stringify(req.action)}: suspend, resume or extend`, 'Rejected');
  };

  const variablesEvent = (req: SetVariablesRequest): EngineEvent => ({
    type: 'variablesSet',
    at: now(),
    actor: req.actor,
    variables: req.variables,
    reason: req.reason,
    ...(req.scope === undefined ? {} : { scope: req.scope }),
  });

  setHandler(stateQuery, view);
  setHandler(messageWaitQuery, ({ name, correlationKey }) => {
    const since = messageWaitSince(runner.state, name, correlationKey);
    return since === undefined ? null : { since };
  });
  // The holder the caller saw is checked too: a claim accepted after the caller looked at the task wins over the completion.
  setHandler(
    completeTaskUpdate,
    (req) => applied({ type: 'taskCompleted', at: now(), actor: req.actor, taskId: req.taskId, variables: req.variables, holder: req.holder }),
    { validator: (req) => validate({ type: 'taskCompleted', at: now(), actor: req.actor, taskId: req.taskId, variables: req.variables, holder: req.holder }) },
  );
  setHandler(claimTaskUpdate, (req) => holderChanged({ type: 'taskClaimed', at: now(), actor: req.actor, taskId: req.taskId }), {
    validator: (req) => validate({ type: 'taskClaimed', at: now(), actor: req.actor, taskId: req.taskId }),
  });
  setHandler(unclaimTaskUpdate, (req) => holderChanged({ type: 'taskUnclaimed', at: now(), actor: req.actor, taskId: req.taskId, holder: req.holder }), {
    validator: (req) => validate({ type: 'taskUnclaimed', at: now(), actor: req.actor, taskId: req.taskId, holder: req.holder }),
  });
  setHandler(assignTaskUpdate, (req) => holderChanged({ type: 'taskAssigned', at: now(), actor: req.actor, taskId: req.taskId, assignee: req.assignee }), {
    validator: (req) => validate({ type: 'taskAssigned', at: now(), actor: req.actor, taskId: req.taskId, assignee: req.assignee }),
  });
  setHandler(correlateMessageUpdate, (req) => applied(messageEvent(req)), { validator: (req) => validate(messageEvent(req)) });
  setHandler(broadcastSignalUpdate, (req) => applied(signalEvent(req)), { validator: (req) => validate(signalEvent(req)) });
  setHandler(resolveIncidentUpdate, (req) => applied({ type: 'incidentResolved', at: now(), actor: req.actor, incidentId: req.incidentId }), {
    validator: (req) => validate({ type: 'incidentResolved', at: now(), actor: req.actor, incidentId: req.incidentId }),
  });
  setHandler(changeClockUpdate, (req) => applied(clockEvent(req)), { validator: (req) => validate(clockEvent(req)) });
  setHandler(updateCalendarUpdate, (req) => applied({ type: 'calendarUpdated', at: now(), actor: req.actor, calendar: req.calendar }), {
    validator: (req) => validate({ type: 'calendarUpdated', at: now(), actor: req.actor, calendar: req.calendar }),
  });
  setHandler(setVariablesUpdate, (req) => applied(variablesEvent(req)), { validator: (req) => validate(variablesEvent(req)) });
  setHandler(cancelUpdate, (req) => applied({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason }), {
    validator: (req) => validate({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason }),
  });
}
