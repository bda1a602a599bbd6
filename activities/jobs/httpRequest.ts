// One outbound HTTP request of the HTTP connector (job type sparrow.http): only to a host the admin allowed, and only
// to public addresses unless allowed too — checked on the address connected to (a `lookup` hook, so a name that
// resolves to a private address, at any time, is refused: DNS rebinding). Redirects are not followed; the answer is
// bounded in size and time.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { hostAllowed, type HostPattern } from '../../contracts/httpConnector';
import { checkOutboundUrl, guardedLookup, type OutboundAllowList, OutboundDenied } from '../../platform/outboundPolicy';

/** Largest answer body the connector reads (bytes); a larger one fails the job. */
export const MAX_RESPONSE_BYTES = 1_000_000;

/** The request: method, URL, headers, body text, and how long it may take in all. */
export interface HttpCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** Where the connector may go: the admin's allowed hosts and the entries that permit non-public addresses; `resolve` replaces DNS in tests. */
export interface HttpPolicy {
  hosts: readonly HostPattern[];
  nonPublic: OutboundAllowList;
  resolve?: Parameters<typeof guardedLookup>[1];
}

/** The answer: status, headers (lower-case names) and body (parsed JSON when it says it is JSON, else text; null when empty). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: unknown;
}

/** A request that must not be sent or repeated as it is (not retried: an incident names why). */
export class HttpRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpRefused';
  }
}

/** `host:port` of a URL, its port made explicit. */
export const hostPort = (url: URL): string => `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;

/** Where an admin changes what the connector may reach. */
const SETTING = 'PUT /api/admin/http-connector';

/** The URL, checked before anything is sent — an allowed host and port first, then the outbound policy (scheme, no credentials, no non-public address literal); names are checked again when connecting. */
function checkedUrl(raw: string, policy: HttpPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpRefused(`sparrow.http: ${JSON.stringify(raw.slice(0, 200))} is not a URL`);
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !hostAllowed(policy.hosts, url)) {
    throw new HttpRefused(`host ${hostPort(url)} is not among the HTTP connector's allowed hosts: an admin adds it to the setting hosts (${SETTING})`);
  }
  try {
    return checkOutboundUrl(raw, policy.nonPublic);
  } catch (error) {
    if (error instanceof OutboundDenied) throw new HttpRefused(`the HTTP connector may not call ${hostPort(url)}: ${error.reason} (or the connector's nonPublic setting, ${SETTING})`);
    throw error;
  }
}

/** The answer's body: JSON when its content type says so and it parses, else text; null when empty. */
function bodyOf(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (!/[/+]json\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The answer's headers as JSON (names lower case; repeated ones as lists). */
const headersOf = (headers: http.IncomingHttpHeaders): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));

/**
 * Sends the request and reads the whole answer, whatever its status. Refused (HttpRefused): a destination the policy
 * does not allow, an answer over MAX_RESPONSE_BYTES. Other failures (network, timeout) are plain errors (retried).
 */
export function sendHttp(call: HttpCall, policy: HttpPolicy): Promise<HttpAnswer> {
  const url = checkedUrl(call.url, policy);
  const lookup: net.LookupFunction = guardedLookup(policy.nonPublic, policy.resolve);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(answer as HttpAnswer);
    };
    const req = client.request(url, { method: call.method, headers: call.headers, lookup, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          settle(new HttpRefused(`the answer of ${hostPort(url)} is larger than ${MAX_RESPONSE_BYTES} bytes, the HTTP connector's limit`));
          req.destroy();
        } else chunks.push(chunk);
      });
      res.on('end', () => settle(null, { status: res.statusCode ?? 0, headers: headersOf(res.headers), body: bodyOf(res.headers['content-type'], Buffer.concat(chunks)) }));
      res.on('error', (error) => settle(error));
    });
    const timer = setTimeout(() => {
      settle(new Error(`${call.method} ${hostPort(url)} did not answer within ${call.timeoutMs / 1000} s`));
      req.destroy();
    }, call.timeoutMs);
    req.on('error', (error) => {
      if (error instanceof OutboundDenied) settle(new HttpRefused(`the HTTP connector may not call ${hostPort(url)}: ${error.reason} (or the connector's nonPublic setting, ${SETTING})`));
      else settle(new Error(`${call.method} ${hostPort(url)} failed: ${error.message}`));
    });
    req.end(call.body);
  });
}
