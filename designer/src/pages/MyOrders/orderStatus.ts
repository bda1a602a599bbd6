// What 我的工单 says about one of the caller's cases, in plain words: waiting for someone to take it (志愿者), who is
// serving, waiting for the caller (their rating), done (with the rating), or ended otherwise. Pure, so it is unit-tested.
import type { MyCase } from '../../api/myCases';
import type { MessageKey } from '../../i18n/messages/zh-CN';

/** A message key with its parameters, the tag colour, and the step the caller should open (their rating), if any. */
export interface OrderStatus {
  key: MessageKey;
  params?: Record<string, string>;
  color: 'processing' | 'warning' | 'success' | 'default' | 'error';
  actionTaskId?: string;
}

/** How a page names people and groups: a holder's display name, a candidate group's name. */
export interface OrderNames {
  group: (id: string) => string;
  separator: string;
}

/** The plain-words status of `order`. */
export function orderStatus(order: MyCase, names: OrderNames): OrderStatus {
  if (order.status === 'completed') {
    return order.rating === null ? { key: 'orders.status.done', color: 'success' } : { key: 'orders.status.doneRated', params: { rating: String(order.rating) }, color: 'success' };
  }
  if (order.status === 'cancelled') return { key: 'orders.status.cancelled', color: 'default' };
  if (order.status === 'failed') return { key: 'orders.status.failed', color: 'error' };
  const mine = order.openSteps.find((step) => step.forMe);
  if (mine) return { key: 'orders.status.yourTurn', params: { step: mine.name ?? '' }, color: 'warning', actionTaskId: mine.taskId };
  const held = order.openSteps.find((step) => step.assignee);
  if (held?.assignee) return { key: 'orders.status.serving', params: { name: held.assigneeName ?? held.assignee }, color: 'processing' };
  const waiting = order.openSteps[0];
  if (waiting && waiting.candidateGroups.length > 0) return { key: 'orders.status.waitingFor', params: { who: waiting.candidateGroups.map(names.group).join(names.separator) }, color: 'processing' };
  if (waiting) return { key: 'orders.status.waiting', params: { step: waiting.name ?? '' }, color: 'processing' };
  return { key: 'orders.status.inProgress', color: 'processing' };
}
