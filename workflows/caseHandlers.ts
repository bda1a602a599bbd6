// The state query and the eight Updates of a case. Each validator refuses what the interpreter would refuse, so a bad
// request records nothing; each handler feeds the interpreter one event and answers once its writes are done.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { EngineEvent, EngineLimits, HolderEvent } from '../engine/interpreter';
import { caseHolderOf, caseRejectionOf, messageWaitOf } from './caseEngine';
import { type CaseRunner, now } from './caseRunner';
import { caseStateView } from './caseViews';
import {
  assignTaskUpdate,
  type BpmnProcessInput,
  type BroadcastSignalRequest,
  broadcastSignalUpdate,
  cancelUpdate,
  claimTaskUpdate,
  completeTaskUpdate,
  type CorrelateMessageRequest,
  correlateMessageUpdate,
  resolveIncidentUpdate,
  stateQuery,
  type TaskHolderView,
  unclaimTaskUpdate,
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

  setHandler(stateQuery, view);
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
  setHandler(cancelUpdate, (req) => applied({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason }), {
    validator: (req) => validate({ type: 'cancel', at: now(), actor: req.actor, reason: req.reason }),
  });
}
