// 我的工单's plain words for each state of an order (issue 17).
import type { MyCase, MyCaseStep } from '../../../../designer/src/api/myCases';
import { orderStatus } from '../../../../designer/src/pages/MyOrders/orderStatus';

const names = { group: (id: string) => ({ volunteers: '志愿者', 'command-center': '指挥中心' })[id] ?? id, separator: '、' };
const step = (over: Partial<MyCaseStep> = {}): MyCaseStep => ({ taskId: 't1', name: '志愿者接单服务', assignee: null, assigneeName: null, candidateGroups: ['volunteers'], forMe: false, dueDate: null, ...over });
const order = (over: Partial<MyCase> = {}): MyCase => ({
  id: 'volunteer-service-order:GD-1',
  definitionKey: 'volunteer-service-order',
  processName: '志愿服务工单',
  icon: 'volunteer',
  businessKey: 'GD-1',
  status: 'running',
  startedAt: '2026-12-04T10:00:00.000Z',
  endedAt: null,
  openSteps: [],
  rating: null,
  ...over,
});

describe('orderStatus', () => {
  it('should say whom an order waits for while nobody has taken it, by their group names', () => {
    expect(orderStatus(order({ openSteps: [step({ candidateGroups: ['volunteers', 'command-center'] })] }), names)).toEqual({ key: 'orders.status.waitingFor', params: { who: '志愿者、指挥中心' }, color: 'processing' });
  });

  it('should name the step when it names no group', () => {
    expect(orderStatus(order({ openSteps: [step({ candidateGroups: [] })] }), names)).toMatchObject({ key: 'orders.status.waiting', params: { step: '志愿者接单服务' } });
  });

  it('should say who is serving once someone holds it, by display name', () => {
    expect(orderStatus(order({ openSteps: [step({ assignee: 'bajiao-volunteer', assigneeName: '张三' })] }), names)).toMatchObject({ key: 'orders.status.serving', params: { name: '张三' } });
  });

  it("should point at the caller's own step (the rating) and offer to open it", () => {
    expect(orderStatus(order({ openSteps: [step({ taskId: 'rate', name: '评价服务', assignee: 'bajiao-resident', forMe: true })] }), names)).toEqual({ key: 'orders.status.yourTurn', params: { step: '评价服务' }, color: 'warning', actionTaskId: 'rate' });
  });

  it('should show a completed order with its rating, or without one when it has none', () => {
    expect(orderStatus(order({ status: 'completed', rating: 5 }), names)).toEqual({ key: 'orders.status.doneRated', params: { rating: '5' }, color: 'success' });
    expect(orderStatus(order({ status: 'completed' }), names)).toMatchObject({ key: 'orders.status.done' });
  });

  it('should say a cancelled or failed order in words', () => {
    expect(orderStatus(order({ status: 'cancelled' }), names).key).toBe('orders.status.cancelled');
    expect(orderStatus(order({ status: 'failed' }), names).key).toBe('orders.status.failed');
  });
});
