// One HTTP attempt of a delivery: a POST to a destination the outbound policy permits (the address checked where the
// connection is made), bounded in time, keeping at most the first 500 characters of the answer.
import http from 'node:http';
import https from 'node:https';
import { checkOutboundUrl, guardedLookup, type OutboundAllowList, OutboundDenied } from '../../platform/outboundPolicy';

/** The most of a receiver's answer (and of an error message) a delivery keeps. */
export const EXCERPT_CHARS = 500;

/** What one attempt came to: the receiver's status and the start of its answer, or why there was none. */
export type PostOutcome = { statusCode: number; excerpt: string } | { error: string; denied: boolean };

/** POSTs `body` with `headers` to `url`; never throws. */
export function postDelivery(url: string, body: string, headers: Record<string, string>, options: { allow: OutboundAllowList; timeoutMs: number }): Promise<PostOutcome> {
  let target: URL;
  try {
    target = checkOutboundUrl(url, options.allow);
  } catch (error) {
    return Promise.resolve({ error: (error as Error).message, denied: error instanceof OutboundDenied });
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const send = target.protocol === 'https:' ? https.request : http.request;
    const req = send(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup: guardedLookup(options.allow), agent: false }, (res) => {
      let excerpt = '';
      res.setEncoding('utf8');
      const done = () => settle({ statusCode: res.statusCode ?? 0, excerpt: excerpt.slice(0, EXCERPT_CHARS) });
      res.on('data', (chunk: string) => {
        excerpt += chunk;
        if (excerpt.length >= EXCERPT_CHARS) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      settle({ error: `no answer within ${options.timeoutMs} ms`, denied: false });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error) => settle({ error: error.message.slice(0, EXCERPT_CHARS), denied: error instanceof OutboundDenied }));
    req.end(body);
  });
}
