// The repeating cycles of a process's timer start event (每周 / 每月 / 每季度): the ISO 8601 cycle each preset writes
// from a given moment, and which preset a cycle is.
import { cycleOf, cyclePresetOf } from '../../../designer/src/bpmn/timerStart/cyclePresets';
import { compile } from '../../../engine/compile';

/** A process started by a timer with cycle `cycle`. */
const scheduled = (cycle: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="meeting" isExecutable="true">
    <bpmn:startEvent id="Monthly"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:sequenceFlow id="F" sourceRef="Monthly" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('cycleOf', () => {
  it.each([
    // Thursday 3 December 2026, 18:00 in Beijing
    ['2026-12-03T10:00:00Z', 'weekly', 'R/2026-12-07T09:00:00+08:00/P1W'],
    ['2026-12-03T10:00:00Z', 'monthly', 'R/2027-01-01T09:00:00+08:00/P1M'],
    ['2026-12-03T10:00:00Z', 'quarterly', 'R/2027-01-01T09:00:00+08:00/P3M'],
    // Monday 7 December 2026, 08:00 in Beijing: today's 9:00 is still ahead
    ['2026-12-07T00:00:00Z', 'weekly', 'R/2026-12-07T09:00:00+08:00/P1W'],
    // Monday 7 December 2026, 10:00 in Beijing: next Monday
    ['2026-12-07T02:00:00Z', 'weekly', 'R/2026-12-14T09:00:00+08:00/P1W'],
    // 1 April 2027, 08:30 in Beijing (00:30 UTC): this quarter's start is still ahead
    ['2027-04-01T00:30:00Z', 'quarterly', 'R/2027-04-01T09:00:00+08:00/P3M'],
    ['2027-04-01T00:30:00Z', 'monthly', 'R/2027-04-01T09:00:00+08:00/P1M'],
    // 31 March 2027, 23:30 UTC is already 1 April 07:30 in Beijing
    ['2027-03-31T23:30:00Z', 'quarterly', 'R/2027-04-01T09:00:00+08:00/P3M'],
    ['2027-05-15T00:00:00Z', 'quarterly', 'R/2027-07-01T09:00:00+08:00/P3M'],
  ] as const)('from %s should write %s as %s', (now, preset, cycle) => {
    // when
    const written = cycleOf(preset, new Date(now));

    // then
    expect(written).toBe(cycle);
    expect(cyclePresetOf(written)).toBe(preset);
  });
});

describe('cyclePresetOf', () => {
  it.each<[string | undefined, string]>([
    ['R/2027-01-05T09:00:00+08:00/P1W', 'a week starting on a Tuesday'],
    ['R/2027-01-02T09:00:00+08:00/P1M', 'a month starting on the 2nd'],
    ['R/2027-02-01T09:00:00+08:00/P3M', 'a quarter starting in February'],
    ['R/P1D', 'a daily cycle'],
    ['0 0 9 * * MON', 'a cron expression'],
    [undefined, 'no cycle'],
  ])('should NOT name %s (%s) a preset', (cycle) => {
    // then
    expect(cyclePresetOf(cycle)).toBeUndefined();
  });
});

describe('a cycle preset in a process', () => {
  it.each(['weekly', 'monthly', 'quarterly'] as const)('should compile as a %s timer start event', async (preset) => {
    // when
    const { problems } = await compile(scheduled(cycleOf(preset, new Date('2026-12-03T10:00:00Z'))));

    // then
    expect(problems).toEqual([]);
  });
});
