// The pure parts of the modeler's legal time (issue 14): a clock's settings as the panel shows them and the attributes
// of `<sparrow:clock>` they write, and the deadline presets (截止于时限 / N 个工作日后) of due dates and timers.
import { approversAttr, lengthAttrs, lengthText, newClockName, parseDays, parseWarnWithin, unitAttrs, unitOf } from '../../../designer/src/bpmn/legalTime/clockSettings';
import { amountExpression, clockDeadlineExpression, deadlinePresetOf, expressionOfValue, parseAmount, presetValue, renameClockIn, workingDaysExpression } from '../../../designer/src/bpmn/legalTime/deadlinePresets';
import { evaluateFeel } from '../../../engine/feel';

describe('a clock\'s settings', () => {
  it.each([
    ['whole calendar days', { duration: 'P90D' }, 'calendarDays', '90'],
    ['working days', { workingDays: '20' }, 'workingDays', '20'],
    ['another duration, kept as written', { duration: 'PT4S' }, 'other', 'PT4S'],
    ['months', { duration: 'P3M' }, 'other', 'P3M'],
  ])('should show %s', (_name, attrs, unit, length) => {
    // then
    expect(unitOf(attrs)).toBe(unit);
    expect(lengthText(attrs)).toBe(length);
  });

  it('should write the length of each unit: P<n>D for calendar days, workingDays for working days, an ISO duration otherwise', () => {
    // then
    expect(lengthAttrs('calendarDays', ' 90 ')).toEqual({ duration: 'P90D', workingDays: undefined });
    expect(lengthAttrs('workingDays', '20')).toEqual({ duration: undefined, workingDays: '20' });
    expect(lengthAttrs('other', 'PT4H')).toEqual({ duration: 'PT4H', workingDays: undefined });
  });

  it.each([
    ['calendarDays', '0'],
    ['calendarDays', '3651'],
    ['workingDays', '2.5'],
    ['workingDays', ''],
    ['other', 'P'],
    ['other', '90 days'],
  ] as const)('should refuse %s of "%s"', (unit, text) => {
    // then
    expect(lengthAttrs(unit, text)).toBeUndefined();
  });

  it('should keep the number of days when the unit changes', () => {
    // then
    expect(unitAttrs({ duration: 'P90D' }, 'workingDays')).toEqual({ duration: undefined, workingDays: '90' });
    expect(unitAttrs({ workingDays: '20' }, 'calendarDays')).toEqual({ duration: 'P20D', workingDays: undefined });
    expect(unitAttrs({ workingDays: '20' }, 'other')).toEqual({ duration: 'P20D', workingDays: undefined });
    expect(unitAttrs({ duration: 'PT4S' }, 'calendarDays')).toEqual({ duration: 'P30D', workingDays: undefined });
  });

  it('should normalise approvers typed with Chinese commas and drop blanks', () => {
    // then
    expect(approversAttr('legal-review，street-commander、 ,')).toBe('legal-review, street-commander');
    expect(approversAttr('  ')).toBeUndefined();
  });

  it('should read 预警天数 as a whole number, empty for the default, and refuse anything else', () => {
    // then
    expect(parseWarnWithin('10')).toEqual({ warnWithin: '10' });
    expect(parseWarnWithin('0')).toEqual({ warnWithin: '0' });
    expect(parseWarnWithin('')).toEqual({ warnWithin: undefined });
    expect(parseWarnWithin('-1')).toBeUndefined();
    expect(parseDays('7')).toBe(7);
  });

  it('should name a new clock after the ones declared', () => {
    // then
    expect(newClockName('时限', [])).toBe('时限 1');
    expect(newClockName('时限', ['时限 1', '办案期限'])).toBe('时限 2');
  });
});

describe('the deadline presets', () => {
  it('should write 截止于时限 and N 个工作日后 as the engine\'s FEEL', () => {
    // then
    expect(clockDeadlineExpression('办案期限')).toBe('=clock("办案期限").deadline');
    expect(workingDaysExpression(7)).toBe('=add working days(now(), 7)');
  });

  it.each([
    ['=clock("办案期限").deadline', { kind: 'clock', clock: '办案期限' }],
    ['= clock( "a \\"b\\"" ) . deadline', { kind: 'clock', clock: 'a "b"' }],
    ['=时限("公示期").deadline', { kind: 'clock', clock: '公示期' }],
    ['=add working days(now(), 7)', { kind: 'workingDays', days: 7 }],
    ['=加工作日(now(), 15)', { kind: 'workingDays', days: 15 }],
    ['=now() + duration("P10D")', { kind: 'calendarDays', days: 10 }],
    ['= now ( ) + duration ( "PT48H" )', { kind: 'hours', hours: 48 }],
    ['=now() + duration("P1DT2H")', { kind: 'other' }],
    ['=add working days(today(), 7)', { kind: 'other' }],
    ['=clock("办案期限").startedAt', { kind: 'other' }],
    ['2027-01-04T09:00:00+08:00', { kind: 'other' }],
    [undefined, { kind: 'other' }],
  ])('should read %s', (expression, preset) => {
    // then
    expect(deadlinePresetOf(expression)).toEqual(preset);
  });

  it('should map the select\'s values to expressions, keeping the days of N 个工作日后', () => {
    // then
    expect(presetValue({ kind: 'clock', clock: '办案期限' })).toBe('clock:办案期限');
    expect(expressionOfValue('clock:办案期限', undefined)).toBe('=clock("办案期限").deadline');
    expect(expressionOfValue('workingDays', '=add working days(now(), 7)')).toBe('=add working days(now(), 7)');
    expect(expressionOfValue('workingDays', '=clock("办案期限").deadline')).toBe('=add working days(now(), 5)');
    expect(expressionOfValue('other', '=x')).toBeUndefined();
  });

  it('should write N 个自然日后 and N 小时后 as ordinary FEEL that gives an ISO date-time', () => {
    // then
    expect(amountExpression('calendarDays', 10)).toBe('=now() + duration("P10D")');
    expect(amountExpression('hours', 4)).toBe('=now() + duration("PT4H")');
    expect(amountExpression('workingDays', 3)).toBe('=add working days(now(), 3)');
    const due = evaluateFeel(amountExpression('calendarDays', 10).slice(1), {});
    expect(typeof due).toBe('string');
    expect(Date.parse(due as string) - Date.now()).toBeGreaterThan(10 * 24 * 3600_000 - 60_000);
  });

  it('should keep the amount when switching to the same kind and start others at a default', () => {
    // then
    expect(expressionOfValue('hours', '=now() + duration("PT48H")')).toBe('=now() + duration("PT48H")');
    expect(expressionOfValue('calendarDays', '=now() + duration("PT48H")')).toBe('=now() + duration("P7D")');
    expect(expressionOfValue('hours', undefined)).toBe('=now() + duration("PT24H")');
  });

  it.each([
    ['hours', '72', 72],
    ['hours', '87601', undefined],
    ['calendarDays', '0', undefined],
    ['calendarDays', '1.5', undefined],
    ['workingDays', ' 20 ', 20],
  ] as const)('should read the %s amount %p as %p', (kind, text, amount) => {
    // then
    expect(parseAmount(kind, text)).toBe(amount);
  });

  it('should rename a clock in 截止于时限 only', () => {
    // then
    expect(renameClockIn('=clock("期限").deadline', '期限', '办案期限')).toBe('=clock("办案期限").deadline');
    expect(renameClockIn('=clock("公示期").deadline', '期限', '办案期限')).toBe('=clock("公示期").deadline');
    expect(renameClockIn('=add working days(now(), 3)', '期限', '办案期限')).toBe('=add working days(now(), 3)');
  });
});
