// Withdrawing what an element instance waits for when it completes or is terminated: each withdrawal is a command
// for the workflow (cancel the job, the timer, close the task) and an audit entry.
import { own } from './own';
import type { Actor, AuditEntry, Command, ElementInstance, EngineState, Subscription } from './types';

/** What withdrawing uses of the step's runtime (interpreter/runtime.ts). */
export interface SubscriptionHost {
  readonly state: EngineState;
  readonly actor: Actor;
  emit(command: Command): void;
  record(entry: Omit<AuditEntry, 'at' | 'actor'> & { actor?: Actor }): void;
}

/** Withdraws every subscription the instance still holds, each recorded with the element it belonged to. */
export function withdrawAll(rt: SubscriptionHost, instance: ElementInstance, actor: Actor = rt.actor): void {
  withdrawWhere(rt, instance, () => true, actor);
}

/** Withdraws the subscriptions of the instance that `which` selects, each recorded with the element it belonged to. */
export function withdrawWhere(rt: SubscriptionHost, instance: ElementInstance, which: (subscription: Subscription) => boolean, actor: Actor = rt.actor): void {
  const kept: string[] = [];
  for (const id of instance.subscriptions ?? []) {
    const subscription = own(rt.state.subscriptions, id);
    if (!subscription) continue;
    if (!which(subscription)) {
      kept.push(id);
      continue;
    }
    delete rt.state.subscriptions[id];
    const at = { elementId: subscription.elementId, tokenId: instance.id, actor };
    switch (subscription.kind) {
      case 'userTask':
        rt.emit({ type: 'closeUserTask', taskId: subscription.taskId, outcome: 'cancelled', actor });
        rt.record({ kind: 'task.cancelled', ...at, data: { taskId: subscription.taskId } });
        break;
      case 'job':
        rt.emit({ type: 'cancelJob', waitId: id });
        rt.record({ kind: 'job.cancelled', ...at, data: { waitId: id, jobType: subscription.jobType } });
        break;
      case 'timer':
        rt.emit({ type: 'cancelTimer', waitId: id });
        rt.record({ kind: 'timer.cancelled', ...at, data: { waitId: id, dueAt: subscription.dueAt } });
        break;
      case 'message':
        rt.record({ kind: 'message.cancelled', ...at, data: { waitId: id, name: subscription.name, correlationKey: subscription.correlationKey } });
        break;
      case 'signal':
        rt.record({ kind: 'signal.cancelled', ...at, data: { waitId: id, name: subscription.name } });
        break;
      case 'child':
        rt.emit({ type: 'cancelChild', waitId: id, childInstanceId: subscription.childInstanceId });
        rt.record({ kind: 'child.cancelled', ...at, data: { waitId: id, childInstanceId: subscription.childInstanceId } });
        break;
      case 'childBatch':
        rt.emit({ type: 'cancelChild', waitId: id, childInstanceId: subscription.batchInstanceId });
        rt.record({ kind: 'child.cancelled', ...at, data: { waitId: id, batchInstanceId: subscription.batchInstanceId, first: subscription.first, count: subscription.count } });
        break;
    }
  }
  if (kept.length) instance.subscriptions = kept;
  else delete instance.subscriptions;
}
