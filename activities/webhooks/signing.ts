// How a delivery is signed: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret, sent as
// `X-Sparrow-Signature: sha256=<hex>` beside `X-Sparrow-Timestamp` (seconds since 1970), so a receiver can check origin
// and integrity and refuse old timestamps (replays).
import { createHmac } from 'node:crypto';

/** The signature header's value for `body` sent at `timestamp` (unix seconds, as text). */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one attempt: content type, event, delivery id, timestamp and signature. */
export function deliveryHeaders(input: { secret: string; event: string; deliveryId: string; body: string; at: Date }): Record<string, string> {
  const timestamp = String(Math.floor(input.at.getTime() / 1000));
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Sparrow-Webhooks/1',
    'X-Sparrow-Event': input.event,
    'X-Sparrow-Delivery': input.deliveryId,
    'X-Sparrow-Timestamp': timestamp,
    'X-Sparrow-Signature': signDelivery(input.secret, timestamp, input.body),
  };
}
