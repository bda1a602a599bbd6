// A message's time-to-live (platform/messageTtl.ts): ISO 8601 from PT0S (not buffered) to P30D, 1 hour by default
// (Camunda 8's clients), SPARROW_MESSAGE_TTL checked at start-up.
import { loadConfig } from '../../platform/config';
import { defaultMessageTtlMs, MAX_MESSAGE_TTL_MS, messageTtlMs } from '../../platform/messageTtl';

describe('message time-to-live', () => {
  it('should read ISO 8601 durations from PT0S to P30D as milliseconds', () => {
    expect(messageTtlMs('PT0S')).toBe(0);
    expect(messageTtlMs('PT10M')).toBe(600_000);
    expect(messageTtlMs('P30D')).toBe(MAX_MESSAGE_TTL_MS);
  });

  it.each([
    ['-PT1M', /negative/],
    ['P31D', /longer than .* P30D/],
    ['10 minutes', /not an ISO 8601 duration/],
  ])('should NOT accept %s, saying why', (text, why) => {
    const result = messageTtlMs(text);
    expect(typeof result === 'object' && result.problem).toMatch(why);
  });

  it('should default to 1 hour, or to SPARROW_MESSAGE_TTL', () => {
    expect(defaultMessageTtlMs({})).toBe(3_600_000);
    expect(defaultMessageTtlMs({ SPARROW_MESSAGE_TTL: 'PT0S' })).toBe(0);
  });

  it('should refuse a bad SPARROW_MESSAGE_TTL at start-up, naming the variable', () => {
    expect(() => loadConfig({ SPARROW_MESSAGE_TTL: 'P1Y' })).toThrow(/invalid configuration: SPARROW_MESSAGE_TTL: "P1Y" is longer than/);
    expect(loadConfig({ SPARROW_MESSAGE_TTL: 'PT5M' }).SPARROW_MESSAGE_TTL).toBe('PT5M');
  });
});
