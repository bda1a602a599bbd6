// Message intermediate catch event: it waits for a message by name and correlation key; correlation merges the payload.
import { bpmn, chain, endEvent, messageCatch, startEvent } from './bpmn';
import { harnessFor } from './harness';

const awaiting = (key: string, io = {}) =>
  bpmn([startEvent('Start'), messageCatch('AwaitPayment', 'payment-received', key, io), endEvent('End'), ...chain('Start', 'AwaitPayment', 'End')]);

describe('message intermediate catch event', () => {
  it('should wait for its message by name and the correlation key evaluated when the token arrives', async () => {
    // given a catch event for payment-received with the correlation key =orderId
    const h = await harnessFor(awaiting('=orderId'));

    // when the case starts with orderId o-17
    h.start({ orderId: 'o-17' });

    // then the event waits for payment-received with key o-17; no command is needed to subscribe
    expect(h.waits()).toEqual([{ elementId: 'AwaitPayment', kind: 'message', name: 'payment-received', correlationKey: 'o-17' }]);
    expect(h.activeElements()).toEqual(['AwaitPayment']);
    expect(h.commands).toEqual([]);
  });

  it('should turn a numeric correlation key into text', async () => {
    // given a catch event keyed by a number, when the case starts, then the key is its text
    const h = await harnessFor(awaiting('=caseNo'));
    h.start({ caseNo: 42 });
    expect(h.waits()).toEqual([expect.objectContaining({ kind: 'message', correlationKey: '42' })]);
  });

  it('should keep the key it subscribed with when the variable changes later', async () => {
    // given a case waiting for payment-received with key o-17
    const h = await harnessFor(awaiting('=orderId'));
    h.start({ orderId: 'o-17' });

    // when a message with another key is offered, then it does not match (Camunda 8: the key is evaluated on entering)
    expect(() => h.correlate('payment-received', 'o-18', {})).toThrow(/no subscription/);
    expect(h.waits()).toEqual([expect.objectContaining({ correlationKey: 'o-17' })]);
  });

  it('should merge the message payload into the process variables and move on when it is correlated', async () => {
    // given a case waiting for payment-received with key o-17
    const h = await harnessFor(awaiting('=orderId'));
    h.start({ orderId: 'o-17' });

    // when the message is correlated with a payload
    h.correlate('payment-received', 'o-17', { paid: 120, currency: 'CNY' });

    // then the payload is merged, the wait is gone and the case completes
    expect(h.variables()).toEqual({ orderId: 'o-17', paid: 120, currency: 'CNY' });
    expect(h.waits()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.stepAudit()).toEqual([
      { kind: 'message.correlated', elementId: 'AwaitPayment' },
      { kind: 'variables.changed', elementId: 'AwaitPayment' },
      { kind: 'element.left', elementId: 'AwaitPayment' },
      { kind: 'element.entered', elementId: 'End' },
      { kind: 'element.left', elementId: 'End' },
      { kind: 'instance.completed' },
    ]);
  });

  it('should apply its output mappings to the payload instead of merging it', async () => {
    // given a catch event with the output mapping amount = paid
    const h = await harnessFor(awaiting('=orderId', { outputs: { amount: '=paid' } }));
    h.start({ orderId: 'o-17' });

    // when the message is correlated, then only the mapped variable reaches the process
    h.correlate('payment-received', 'o-17', { paid: 120, currency: 'CNY' });
    expect(h.variables()).toEqual({ orderId: 'o-17', amount: 120 });
  });

  it('should raise an incident when its correlation key is null', async () => {
    // given a catch event keyed by a variable the case does not have
    const h = await harnessFor(awaiting('=orderId'));

    // when the case starts, then the event has an expression incident and subscribes to nothing
    h.start();
    expect(h.incidents()).toEqual([{ elementId: 'AwaitPayment', kind: 'expression', message: 'correlation key of <AwaitPayment> must be a string or number, got null' }]);
    expect(h.waits()).toEqual([]);
  });

  it('should withdraw its subscription when the case is cancelled', async () => {
    // given a case waiting for a message
    const h = await harnessFor(awaiting('=orderId'));
    h.start({ orderId: 'o-17' });

    // when the case is cancelled, then nothing waits and the message finds no subscription
    h.cancel('duplicate request');
    expect(h.waits()).toEqual([]);
    expect(() => h.correlate('payment-received', 'o-17', {})).toThrow(/no subscription/);
  });
});
