// Compiling legal time (issue 14): a process's sparrow:clocks become ExecutableModel.clocks, each element's
// sparrow:clockControl its clockActions; bad declarations and controls are clock-invalid problems naming the element;
// usesLegalTime marks a model that declares clocks or calls a legal-time FEEL function.
import { compile } from '../../../engine/compile';
import { bpmn, chain, endEvent, startEvent, task } from './bpmn';
import { type ClockAttributes, clockedTask, clocks, datedUserTask } from './bpmnClocks';

/** A process declaring `declared` whose task Work has `controls`. */
const process = (declared: ClockAttributes[], controls: Array<[string, string]> = []) =>
  bpmn([...(declared.length ? [clocks(...declared)] : []), startEvent('Start'), controls.length ? clockedTask('Work', controls) : task('Work'), endEvent('End'), ...chain('Start', 'Work', 'End')]);

const problemsOf = async (xml: string) => (await compile(xml)).problems.map((p) => ({ elementId: p.elementId, code: p.code, message: p.message }));

describe('compiling statutory clocks', () => {
  it('should read declared clocks and the clock actions of elements into the model', async () => {
    // given a process with a 90-day clock (approvers, warnWithin) and a 20-working-day clock, started and stopped by Work
    const xml = process(
      [{ name: '办案期限', duration: 'P90D', approvers: 'legal-review, street-commander', warnWithin: '10' }, { name: '公示期', workingDays: '20' }],
      [['办案期限', 'start'], ['公示期', 'stop']],
    );

    // when it compiles
    const { processes, problems } = await compile(xml);

    // then the model declares both clocks (warnWithin 3 by default) and Work starts one and stops the other
    expect(problems).toEqual([]);
    const model = processes[0].model;
    expect(model.clocks).toEqual({
      办案期限: { name: '办案期限', duration: 'P90D', approvers: ['legal-review', 'street-commander'], warnWithin: 10 },
      公示期: { name: '公示期', workingDays: 20, approvers: [], warnWithin: 3 },
    });
    expect(model.nodes.Work.clockActions).toEqual([{ clock: '办案期限', action: 'start' }, { clock: '公示期', action: 'stop' }]);
    expect(model.usesLegalTime).toBe(true);
  });

  it('should leave a model without clocks or legal-time functions as it was (no clocks, no usesLegalTime)', async () => {
    // when a plain process compiles
    const { processes } = await compile(process([]));

    // then its model carries nothing of legal time
    expect(processes[0].model).not.toHaveProperty('clocks');
    expect(processes[0].model).not.toHaveProperty('usesLegalTime');
    expect(processes[0].model.nodes.Work).not.toHaveProperty('clockActions');
  });

  it.each([
    ['add working days', '=add working days(now(), 5)'],
    ['a zh-CN name', '=加工作日(now(), 5)'],
    ['clock(…)', '=clock("办案期限").deadline'],
  ])('should mark a model whose due date calls %s as using legal time', async (_what, dueDate) => {
    // given a process without clocks whose task's due date calls a legal-time function
    const xml = bpmn([startEvent('Start'), datedUserTask('Review', { dueDate }), endEvent('End'), ...chain('Start', 'Review', 'End')]);

    // when it compiles, then the model uses legal time
    expect((await compile(xml)).processes[0].model.usesLegalTime).toBe(true);
  });

  it.each<[string, ClockAttributes[], string]>([
    ['a clock without a name', [{ duration: 'P90D' }], 'process <p> declares a clock without a name'],
    ['a duplicate name', [{ name: 'A', duration: 'P1D' }, { name: 'A', workingDays: '2' }], 'process <p> declares clock "A" more than once'],
    ['neither length', [{ name: 'A' }], 'process <p>: clock "A" has neither a duration nor working days (set exactly one)'],
    ['both lengths', [{ name: 'A', duration: 'P1D', workingDays: '2' }], 'process <p>: clock "A" has both a duration and working days (set exactly one)'],
    ['a bad duration', [{ name: 'A', duration: '90 days' }], 'process <p>: clock "A" has duration "90 days", which is not a positive ISO 8601 duration such as P90D or PT4H'],
    ['a zero duration', [{ name: 'A', duration: 'P0D' }], 'process <p>: clock "A" has duration "P0D", which is not a positive ISO 8601 duration such as P90D or PT4H'],
    ['working days of 0', [{ name: 'A', workingDays: '0' }], 'process <p>: clock "A" has working days "0": it must be a whole number from 1 to 3650'],
    ['working days of 3651', [{ name: 'A', workingDays: '3651' }], 'process <p>: clock "A" has working days "3651": it must be a whole number from 1 to 3650'],
    ['fractional working days', [{ name: 'A', workingDays: '2.5' }], 'process <p>: clock "A" has working days "2.5": it must be a whole number from 1 to 3650'],
    ['a negative warnWithin', [{ name: 'A', workingDays: '5', warnWithin: '-1' }], 'process <p>: clock "A" has warnWithin "-1": it must be a whole number of 0 or more'],
  ])('should refuse %s with a clock-invalid problem naming the process', async (_what, declared, message) => {
    // when the process compiles, then it is refused with the problem
    expect(await problemsOf(process(declared))).toEqual([{ elementId: 'p', code: 'clock-invalid', message }]);
  });

  it.each<[string, Array<[string, string]>, string]>([
    ['an undeclared clock', [['公示期', 'start']], 'task <Work> starts or stops clock "公示期", which the process does not declare'],
    ['a bad action', [['办案期限', 'pause']], 'task <Work> has clock control action "pause" for clock "办案期限": it must be start or stop'],
    ['no clock', [['', 'start']], 'task <Work> has a clock control that names no clock'],
  ])('should refuse a clock control naming %s with a problem naming the element', async (_what, controls, message) => {
    // when a process declaring 办案期限 compiles with the control, then it is refused naming Work
    expect(await problemsOf(process([{ name: '办案期限', duration: 'P90D' }], controls))).toEqual([{ elementId: 'Work', code: 'clock-invalid', message }]);
  });
});
