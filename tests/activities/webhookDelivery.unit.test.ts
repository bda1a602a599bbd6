// The pure parts of webhook delivery (activities/webhooks): the HMAC signature and headers a receiver checks, the
// backoff between attempts, and the events read from a case's audit entries.
import { createHmac } from 'node:crypto';
import { deliveryHeaders, nextAttemptAt, retryDelayMs, signDelivery } from '../../activities/webhooks';
import { caseEventsOf } from '../../activities/webhooks/caseEvents';

const settings = { backoffMs: 180_000, backoffMaxMs: 86_400_000, maxAttempts: 10 };
const middle = () => 0.5;

describe('signDelivery', () => {
  it('should sign timestamp.body with HMAC-SHA256 of the secret, as hex after sha256=', () => {
    const expected = createHmac('sha256', 'a-secret-of-16-chars').update('1796400000.{"id":"x"}').digest('hex');
    expect(signDelivery('a-secret-of-16-chars', '1796400000', '{"id":"x"}')).toBe(`sha256=${expected}`);
  });

  it('should NOT give the same signature for another body, timestamp or secret', () => {
    const base = signDelivery('a-secret-of-16-chars', '1', 'body');
    expect([signDelivery('a-secret-of-16-chars', '1', 'bodY'), signDelivery('a-secret-of-16-chars', '2', 'body'), signDelivery('another-secret-16', '1', 'body')]).not.toContain(base);
  });

  it('should send event, delivery id, unix-seconds timestamp and the signature over them', () => {
    const headers = deliveryHeaders({ secret: 'a-secret-of-16-chars', event: 'case.started', deliveryId: 'wh_1:c/1', body: '{}', at: new Date('2026-12-04T10:00:00.900Z') });
    expect(headers).toMatchObject({ 'X-Sparrow-Event': 'case.started', 'X-Sparrow-Delivery': 'wh_1:c/1', 'X-Sparrow-Timestamp': '1796378400', 'Content-Type': 'application/json' });
    expect(headers['X-Sparrow-Signature']).toBe(signDelivery('a-secret-of-16-chars', '1796378400', '{}'));
  });
});

describe('backoff', () => {
  it('should double the wait per attempt, so ten attempts span about a day', () => {
    const waits = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, settings, middle));
    expect(waits.map((ms) => ms / 60_000)).toEqual([3, 6, 12, 24, 48, 96, 192, 384, 768]);
    expect(waits.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(25.55, 1);
  });

  it('should cap a wait and jitter it by at most 10%', () => {
    expect(retryDelayMs(30, settings, middle)).toBe(86_400_000);
    expect([retryDelayMs(1, settings, () => 0), retryDelayMs(1, settings, () => 1)]).toEqual([162_000, 198_000]);
  });

  it('should give up after the last attempt', () => {
    const now = new Date('2026-12-04T00:00:00Z');
    expect(nextAttemptAt(9, now, settings, middle)?.toISOString()).toBe('2026-12-04T12:48:00.000Z');
    expect(nextAttemptAt(10, now, settings, middle)).toBeNull();
  });
});

describe('caseEventsOf', () => {
  it('should raise case and task events from their audit entries, with the audit row id as event id', () => {
    const caseRef = { instanceId: 'p:K-1', definitionKey: 'p', definitionVersion: 1, businessKey: 'K-1', street: 'bajiao' };
    const at = '2026-12-04T00:00:00.000Z';
    const events = caseEventsOf(caseRef, 5, [
      { at, actor: 'li', kind: 'instance.started' },
      { at, actor: 'system', kind: 'element.entered', elementId: 'T' },
      { at, actor: 'system', kind: 'task.opened', elementId: 'T', data: { taskId: 'p:K-1/T/e2' } },
      { at, actor: 'system', kind: 'incident.raised', elementId: 'J', data: { incidentId: 'i1', kind: 'jobFailed', message: 'boom' } },
    ]);
    expect(events.map((e) => [e.payload.id, e.payload.event])).toEqual([
      ['p:K-1/5', 'case.started'],
      ['p:K-1/7', 'task.created'],
      ['p:K-1/8', 'incident.raised'],
    ]);
    expect(events[1].payload.task).toEqual({ id: 'p:K-1/T/e2', elementId: 'T' });
    expect(events[2].payload.incident).toEqual({ id: 'i1', elementId: 'J', kind: 'jobFailed', message: 'boom' });
  });
});
