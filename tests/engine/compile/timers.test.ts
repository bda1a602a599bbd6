import { isIsoCycle, isIsoDateTime, isIsoDuration, isTimerDuration } from '../../../engine/compile/timers';
import { problemsOf, startingAt } from './harness';

/** A diagram with a timer catch event `Timer` whose timer is the given XML. */
const withTimer = (timer: string) =>
  startingAt('Timer', `<bpmn:intermediateCatchEvent id="Timer"><bpmn:timerEventDefinition>${timer}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);

describe('timers', () => {
  describe('ISO 8601 validation', () => {
    it.each(['PT30S', 'PT1.5S', 'P1DT2H', 'P2W', 'P1Y2M3DT4H5M6S', 'PT0S'])('should accept duration %s', (value) => {
      expect(isIsoDuration(value)).toBe(true);
    });

    it.each(['', 'P', 'PT', 'P1H', 'PT1D', '30s', 'P1DT', '-PT1S', 'PT1S '])('should NOT accept duration "%s"', (value) => {
      expect(isIsoDuration(value)).toBe(false);
    });

    it.each(['-PT5M', '-P1D', 'PT30S'])('should accept timer duration %s (negative: due at once, as Camunda 8)', (value) => {
      expect(isTimerDuration(value)).toBe(true);
    });

    it.each(['--PT5M', '+PT5M', '-', 'PT-5M', '-30s'])('should NOT accept timer duration "%s"', (value) => {
      expect(isTimerDuration(value)).toBe(false);
    });

    it.each(['2025-03-01T09:00:00Z', '2025-03-01T09:00:00+08:00', '2024-02-29T23:59:59.123Z', '2025-03-01T09:00+0800', '2025-03-01T09:00:00+08:00[Asia/Shanghai]'])(
      'should accept date-time %s',
      (value) => {
        expect(isIsoDateTime(value)).toBe(true);
      },
    );

    it.each(['2025-03-01', '2025-03-01T09:00:00', '2025-02-29T09:00:00Z', '2025-13-01T09:00:00Z', '2025-03-01T24:00:00Z', 'tomorrow'])(
      'should NOT accept date-time "%s"',
      (value) => {
        expect(isIsoDateTime(value)).toBe(false);
      },
    );

    it.each(['R3/PT10M', 'R/P1D', 'R5/2025-03-01T09:00:00Z/PT1H'])('should accept cycle %s', (value) => {
      expect(isIsoCycle(value)).toBe(true);
    });

    it.each(['PT10M', 'R3', 'R3/', 'Rx/PT1M', 'R3/2025-03-01T09:00:00Z', '0 0 9 * * MON'])('should NOT accept cycle "%s"', (value) => {
      expect(isIsoCycle(value)).toBe(false);
    });
  });

  describe('timer catch events', () => {
    it.each([
      ['timeDuration', 'PT5 minutes', 'an ISO 8601 duration such as PT30S or P1DT2H'],
      ['timeDate', '2025-03-01', 'an ISO 8601 date-time with zone such as 2025-03-01T09:00:00+08:00'],
    ])('should NOT accept an invalid static %s', async (field, value, expected) => {
      // given
      const xml = withTimer(`<bpmn:${field}>${value}</bpmn:${field}>`);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Timer', code: 'timer-invalid', message: `${field} of intermediateCatchEvent <Timer> is "${value}", which is not ${expected}` },
      ]);
    });

    it('should NOT accept a cycle on an intermediate catch event', async () => {
      // given
      const xml = withTimer('<bpmn:timeCycle>R3/PT10M</bpmn:timeCycle>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        { elementId: 'Timer', code: 'timer-invalid', message: 'timer of intermediateCatchEvent <Timer> uses timeCycle; this event allows only timeDuration or timeDate' },
      ]);
    });

    it.each([
      ['no timer', '', 'has no timeDuration, timeDate or timeCycle'],
      ['two timers', '<bpmn:timeDuration>PT1M</bpmn:timeDuration><bpmn:timeDate>2025-03-01T09:00:00Z</bpmn:timeDate>', 'has more than one of timeDuration, timeDate, timeCycle'],
    ])('should NOT accept %s', async (_, timer, reason) => {
      // given
      const xml = withTimer(timer);

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([{ elementId: 'Timer', code: 'timer-invalid', message: `timer of intermediateCatchEvent <Timer> ${reason}` }]);
    });

    it('should NOT accept a timer with invalid FEEL, saying where', async () => {
      // given
      const xml = withTimer('<bpmn:timeDuration>=duration("PT1M") *</bpmn:timeDuration>');

      // when
      const problems = await problemsOf(xml);

      // then
      expect(problems).toEqual([
        {
          elementId: 'Timer',
          code: 'feel-invalid',
          message: 'timeDuration of intermediateCatchEvent <Timer> has an invalid FEEL expression "=duration("PT1M") *": incomplete arithmetic expression at column 20',
        },
      ]);
    });
  });
});
