// Which working-day calendar a case computes with (legal time, issue 14), on the real stack: a case whose input has no
// calendar (as a Temporal Schedule starts it) reads the current stored version through the local activity
// currentCalendar; a call activity's child case gets its calling case's calendar; the summary row keeps the version
// and the clocks.
import fs from 'node:fs';
import path from 'node:path';
import type { ClockState } from '../../../contracts/legalTime';
import { readBaseSchedule } from '../../../server/services/calendarBase';
import { buildCalendar, currentCalendar } from '../../../server/services/calendars';
import { deploy } from '../../../server/services/definitions';
import { instanceOf, runCase, summaryWhere } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';
import { eventually } from '../../support/wait';
import { stateQuery } from '../../../workflows/definitions';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('the calendar of a case', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await deploy({ xml: fs.readFileSync(fixture('legal-calendar-child.bpmn'), 'utf8'), deployedBy: 'test' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should read the current calendar version when the input has none, and keep it and the clocks on the summary row', async () => {
    // given a stored current calendar and a process that uses legal time
    const current = await currentCalendar();

    // when a case starts without a calendar in its input (limits: started straight through Temporal, as a schedule does)
    const c = await runCase(stack, fixture('legal-calendar-child.bpmn'), { limits: {} });

    // then it computes with the current version, and its summary row says so with its started clock
    const state = await c.until((s) => s.openTasks.length > 0, 'the task Fix');
    expect(state.calendarVersion).toBe(current.version);
    const row = await eventually(() => instanceOf(c.id).then((r) => (r?.clocksJson ? r : undefined)), 'the clocks on the summary row');
    expect(row.calendarVersion).toBe(current.version);
    expect((JSON.parse(row.clocksJson as string) as ClockState[]).map((clock) => [clock.name, clock.status])).toEqual([['整改期限', 'running']]);
  });

  it("should give a call activity's child case its calling case's calendar", async () => {
    // given a calling case that started with calendar version 7 (not the stored one)
    const own = buildCalendar(7, readBaseSchedule(), new Date().getUTCFullYear() - 2, []);
    const parent = await runCase(stack, fixture('legal-calendar-parent.bpmn'), { calendar: own });

    // when its call activity starts the child case
    const child = await eventually(() => summaryWhere({ parentInstanceId: parent.id }).then((row) => row ?? undefined), 'the child case');

    // then the child computes with version 7 too
    const state = await eventually(() => stack.client.workflow.getHandle(child._id).query(stateQuery).then((s) => (s.openTasks.length > 0 ? s : undefined)), 'the child task');
    expect(state.calendarVersion).toBe(7);
    expect((await parent.state()).calendarVersion).toBe(7);
  });
});
