// Job type `sparrow.http`, the HTTP connector: calls an HTTP endpoint a service task names and sets its answer as a
// variable. Each setting comes from the task's header of that name, else from the variable of that name (an input
// mapping computes it with FEEL). Only hosts an admin allowed are called (PUT /api/admin/http-connector; none by default).
// Failures: a refused destination, bad settings, a redirect, an oversized answer or a 4xx answer (but 408 and 429) are
// not retried (an incident names why at once); a network error, a timeout, 408, 429 and 5xx are retried as the task's
// retries say, then become an incident naming the status.
import { ApplicationFailure } from '@temporalio/activity';
import { type HostPattern, parseHostPattern } from '../../contracts/httpConnector';
import type { Variables } from '../../contracts/caseData';
import { allowListFromEnv, parseAllowList } from '../../platform/outboundPolicy';
import { HTTP_CONNECTOR_SETTINGS_ID, HttpConnectorSettings } from '../../store/models';
import { type HttpAnswer, type HttpCall, type HttpPolicy, HttpRefused, hostPort, sendHttp } from './httpRequest';
import type { JobHandler } from './types';

/** The ApplicationFailure type of a call the connector refuses or that must not be repeated (never retried). */
export const HTTP_REFUSED = 'HttpConnectorRefused';

/** Seconds a request may take when the task does not say (`timeoutSeconds`), and at most. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const MAX_TIMEOUT_SECONDS = 60;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

/** The admin's settings as the handler needs them (entries as stored). */
export interface HttpConnectorSettingsInput {
  hosts: readonly string[];
  nonPublic: readonly string[];
}

/** Reads the stored settings (no row: no host allowed). */
async function storedSettings(): Promise<HttpConnectorSettingsInput> {
  const row = await HttpConnectorSettings.findById(HTTP_CONNECTOR_SETTINGS_ID).lean();
  return { hosts: row?.hosts ?? [], nonPublic: row?.nonPublic ?? [] };
}

/** A setting of the task: its header, else its variable (absent: undefined). */
const settingOf = (headers: Record<string, string>, variables: Variables, name: string): unknown => (Object.hasOwn(headers, name) ? headers[name] : Object.hasOwn(variables, name) ? variables[name] : undefined);

/** A JSON text (a header) as its value; anything else as it is. */
function parsedJson(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new HttpRefused(`sparrow.http: ${name} must be JSON, e.g. {"Accept": "application/json"}`);
  }
}

/** The request a task describes; a bad setting is refused, naming it. */
export function callOf(headers: Record<string, string>, variables: Variables): HttpCall & { resultVariable: string } {
  const url = settingOf(headers, variables, 'url');
  if (typeof url !== 'string' || !url.trim()) throw new HttpRefused('sparrow.http needs a url (header or variable)');
  const method = String(settingOf(headers, variables, 'method') ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw new HttpRefused(`sparrow.http: method ${JSON.stringify(method)} is not one of ${[...METHODS].join(', ')}`);
  const rawHeaders = parsedJson(settingOf(headers, variables, 'headers') ?? {}, 'headers');
  if (typeof rawHeaders !== 'object' || rawHeaders === null || Array.isArray(rawHeaders)) throw new HttpRefused('sparrow.http: headers must be a JSON object of names and texts');
  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new HttpRefused(`sparrow.http: header ${JSON.stringify(name)} must be a text`);
    requestHeaders[name.toLowerCase()] = String(value);
  }
  // a body header is JSON text, sent as it is; a body variable is sent as JSON, or as it is when it is a text
  const fromHeader = Object.hasOwn(headers, 'body');
  const body = settingOf(headers, variables, 'body');
  let text: string | undefined;
  if (body !== undefined && body !== null) {
    if (method === 'GET' || method === 'HEAD') throw new HttpRefused(`sparrow.http: a ${method} request has no body`);
    if (fromHeader) parsedJson(body, 'body');
    text = typeof body === 'string' ? body : JSON.stringify(body);
    requestHeaders['content-type'] ??= fromHeader || typeof body !== 'string' ? 'application/json' : 'text/plain; charset=utf-8';
  }
  const seconds = Number(settingOf(headers, variables, 'timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) throw new HttpRefused(`sparrow.http: timeoutSeconds must be more than 0 and at most ${MAX_TIMEOUT_SECONDS}`);
  const resultVariable = String(settingOf(headers, variables, 'resultVariable') ?? 'response');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(resultVariable) || resultVariable === '__proto__') throw new HttpRefused(`sparrow.http: resultVariable ${JSON.stringify(resultVariable)} is no variable name`);
  return { method, url, headers: requestHeaders, ...(text === undefined ? {} : { body: text }), timeoutMs: seconds * 1000, resultVariable };
}

/** The policy of the settings: the allowed hosts, and the non-public entries of the settings and of SPARROW_OUTBOUND_ALLOW. */
function policyOf(settings: HttpConnectorSettingsInput): HttpPolicy {
  const hosts: HostPattern[] = settings.hosts.map(parseHostPattern);
  return { hosts, nonPublic: parseAllowList([...allowListFromEnv().entries, ...settings.nonPublic]) };
}

/** Fails the job for an answer that is no success: redirects and 4xx (but 408, 429) at once, others to be retried. */
function checkStatus(call: HttpCall, answer: HttpAnswer): void {
  const { status } = answer;
  if (status >= 200 && status < 300) return;
  const where = `${call.method} ${hostPort(new URL(call.url))}`;
  const detail = typeof answer.body === 'string' ? answer.body.slice(0, 200) : JSON.stringify(answer.body)?.slice(0, 200);
  if (status >= 300 && status < 400) throw new HttpRefused(`${where} answered ${status}, a redirect to ${String(answer.headers.location ?? '(no location)')}: the HTTP connector does not follow redirects`);
  const message = `${where} answered ${status}${detail ? `: ${detail}` : ''}`;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new HttpRefused(message);
  throw new Error(message);
}

/** Builds the handler; tests give it settings and a resolver instead of the database and DNS. */
export function createHttpJob(options: { settings?: () => Promise<HttpConnectorSettingsInput>; resolve?: HttpPolicy['resolve'] } = {}): JobHandler {
  const settings = options.settings ?? storedSettings;
  return async ({ headers, variables }) => {
    try {
      const { resultVariable, ...call } = callOf(headers, variables);
      const answer = await sendHttp(call, { ...policyOf(await settings()), resolve: options.resolve });
      checkStatus(call, answer);
      return { [resultVariable]: answer };
    } catch (error) {
      if (error instanceof HttpRefused) throw ApplicationFailure.nonRetryable(error.message, HTTP_REFUSED);
      throw error;
    }
  };
}

/** The handler of sparrow.http: settings from the database, names resolved by DNS. */
export const httpJob: JobHandler = createHttpJob();
