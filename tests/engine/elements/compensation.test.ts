// Compensation on the real stack: a booking whose confirmation is refused ends in a compensation end event, which runs
// the booking's compensation handler (a job, with the case's variables) and completes once it has; the audit chain
// shows the throw, the handler's run and its completion.
import path from 'node:path';
import type { JobInput } from '../../../contracts/activities';
import { auditWhen, completedIds, runCase } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = path.join(__dirname, 'fixtures', 'compensation-booking.bpmn');

const cancellations: JobInput[] = [];
const jobTypes = [
  testJob('test.bookHotel', async () => ({ hotelRef: 'H-42' })),
  testJob('test.cancelHotel', async (input) => {
    cancellations.push(input);
    return { hotelCancelled: true };
  }),
];

describe('compensation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should run the booking\'s handler when the case ends in a compensation end event, and record it in the audit chain', async () => {
    // given a hotel booked (its job returned hotelRef)
    const c = await runCase(stack, fixture, { variables: { guest: 'li' } });

    // when the confirmation is refused
    await c.completeTask('Confirm', { approved: false });

    // then the handler's job ran once with the case's variables, and the case completed after it
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { guest: 'li', hotelRef: 'H-42', approved: false, hotelCancelled: true } });
    const runs = cancellations.filter((job) => job.instanceId === c.id);
    expect(runs).toHaveLength(1);
    expect(runs[0].variables).toEqual({ guest: 'li', hotelRef: 'H-42', approved: false });
    expect(completedIds(await c.state()).slice(-2)).toEqual(['CancelHotel', 'Cancelled']);
    const rows = await auditWhen(c.id, (a) => a.some((row) => row.kind === 'instance.completed'), 'the completed chain');
    const chain = rows.filter((row) => ['CancelHotel', 'Cancelled'].includes(row.elementId ?? '')).map((row) => [row.kind, row.elementId]);
    expect(chain).toEqual([
      ['element.entered', 'Cancelled'],
      ['compensation.thrown', 'Cancelled'],
      ['element.entered', 'CancelHotel'],
      ['variables.changed', 'CancelHotel'],
      ['compensation.completed', 'CancelHotel'],
      ['element.left', 'CancelHotel'],
      ['element.left', 'Cancelled'],
    ]);
    const thrown = rows.find((row) => row.kind === 'compensation.thrown');
    expect(JSON.parse(thrown?.dataJson ?? 'null')).toEqual({ activities: [{ elementId: 'BookHotel', tokenId: expect.any(String) }], handlers: 1 });
  });

  it('should not run the handler when the booking is confirmed', async () => {
    // given a hotel booked; when the confirmation is given
    const c = await runCase(stack, fixture);
    await c.completeTask('Confirm', { approved: true });

    // then the case ends without compensation
    expect(await c.result()).toMatchObject({ status: 'completed' });
    expect(cancellations.filter((job) => job.instanceId === c.id)).toEqual([]);
  });
});
