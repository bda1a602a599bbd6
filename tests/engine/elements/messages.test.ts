// Messages: send task, message throw and message end events run their job; receive task and message catch wait for correlateMessage.
import path from 'node:path';
import type { JobInput } from '../../../contracts/activities';
import { completedIds, refusalOf, runCase } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const sent: JobInput[] = [];
const jobTypes = [
  testJob('test.send', async (input) => {
    sent.push(input);
    return { [`sentBy${input.elementId}`]: true };
  }),
];

describe('message events and tasks', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should run the job of a send task, a message throw event and a message end event', async () => {
    // given a send task, then an intermediate message throw event, then a message end event, each with a job type
    // when a case runs
    const c = await runCase(stack, fixture('message-throw.bpmn'));

    // then each job ran once, in order, with its headers, and their results reached the process
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { sentBySend: true, sentByThrow: true, sentByMessageEnd: true } });
    const mine = sent.filter((j) => j.instanceId === c.id);
    expect(mine.map((j) => j.elementId)).toEqual(['Send', 'Throw', 'MessageEnd']);
    expect(mine[0].headers).toEqual({ channel: 'sms' });
    expect(completedIds(await c.state())).toEqual(['Start', 'Send', 'Throw', 'MessageEnd']);
  });

  it('should wait at a receive task and a message catch event, each keyed by its correlation key evaluated on entry', async () => {
    // given a receive task keyed by orderId, then a catch event keyed by "ship-" + orderId
    const c = await runCase(stack, fixture('message-catch.bpmn'), { variables: { orderId: 'A-1' } });
    await c.until((s) => s.activeElements.some((a) => a.elementId === 'AwaitPayment'), 'the receive task');
    const before = await c.state();

    // when messages with a wrong key or a wrong name are sent
    const wrongKey = await refusalOf(c.correlate('payment-received', 'B-2', { paid: 1 }));
    const wrongName = await refusalOf(c.correlate('order-shipped', 'A-1', {}));

    // then they are refused and nothing changes
    expect(wrongKey).toBe('nothing waits for message payment-received with key B-2');
    expect(wrongName).toBe('nothing waits for message order-shipped with key A-1');
    expect(await c.state()).toEqual(before);

    // when the payment arrives with the right key, changing orderId
    const paid = await c.correlate('payment-received', 'A-1', { paid: 100, orderId: 'A-2' });

    // then the case goes on with the message's variables, and the catch event's key uses orderId as it is on entry
    expect(paid.variables).toMatchObject({ paid: 100, orderId: 'A-2' });
    expect(paid.activeElements.map((a) => a.elementId)).toEqual(['AwaitShipping']);
    expect(await refusalOf(c.correlate('order-shipped', 'ship-A-1', {}))).toBe('nothing waits for message order-shipped with key ship-A-1');

    // when the shipping message arrives with that key
    await c.correlate('order-shipped', 'ship-A-2', { carrier: 'SF' });

    // then the case completes with all message variables
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { orderId: 'A-2', paid: 100, carrier: 'SF' } });
    expect(completedIds(await c.state())).toEqual(['Start', 'AwaitPayment', 'AwaitShipping', 'End']);
  });
});
