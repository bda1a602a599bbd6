// What the fuzzer chews on: forms, deployed processes and a few cases, and one bearer token per demo user.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/paths';

const PASSWORD = 'sparrow-demo';

/** A signed-in caller of the app over HTTP: a cookie session with its CSRF token. */
export interface Caller {
  username: string;
  call(method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Signs `username` in with the demo password. */
export async function signIn(baseUrl: string, username: string): Promise<Caller> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`signing in ${username} answered ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    username,
    async call(method, url, body) {
      const answer = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
  };
}

/** Creates a bearer token for `caller` (the fuzzer then never touches the session). */
export async function bearerToken(caller: Caller): Promise<string> {
  const res = await caller.call('POST', '/api/me/tokens', { name: 'schemathesis', expiresInDays: 1 });
  if (res.status !== 201) throw new Error(`creating a token for ${caller.username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const bpmnFiles = (dir: string) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.bpmn')).map((f) => `${dir}/${f}`);

async function expectStatus(what: string, pending: Promise<{ status: number; body: unknown }>, ok: number[]): Promise<Record<string, unknown>> {
  const res = await pending;
  if (!ok.includes(res.status)) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** What was seeded, for the report. */
export interface Seeded {
  forms: string[];
  deployed: string[];
  refused: string[];
  cases: string[];
}

/** Saves the fixture forms, deploys every fixture and shipped process (the worker lacks test-only job types: those are refused and listed), and starts a few cases. */
export async function seedFixtures(owner: Caller, starter: Caller): Promise<Seeded> {
  const seeded: Seeded = { forms: [], deployed: [], refused: [], cases: [] };
  for (const file of ['inspection-form.json', 'screening-form.json']) {
    const schema = JSON.parse(read(`tests/api/fixtures/${file}`)) as { id: string };
    await expectStatus(`saving form ${schema.id}`, owner.call('PUT', `/api/forms/${schema.id}`, { schema }), [200, 201]);
    seeded.forms.push(schema.id);
  }
  for (const file of [...bpmnFiles('tests/api/fixtures'), ...bpmnFiles('processes')]) {
    const res = await owner.call('POST', '/api/deployments', { xml: read(file), note: 'fuzzing fixture' });
    if (res.status === 200 || res.status === 201) seeded.deployed.push(`${res.body.key as string} (${file})`);
    else if (res.status === 422) seeded.refused.push(`${file}: ${String(res.body.detail)}`);
    else throw new Error(`deploying ${file} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const starts = [
    { definitionKey: 'street-inspection', variables: { groups: ['enforcement', 'command-center', 'volunteers', 'residents'] } },
    { definitionKey: 'await-report', variables: { caseNo: 'FUZZ-1' } },
  ];
  for (const [i, start] of starts.entries()) {
    const body = await expectStatus(`starting ${start.definitionKey}`, starter.call('POST', '/api/instances', { ...start, businessKey: `FUZZ-${i + 1}`, street: 'bajiao' }), [201]);
    seeded.cases.push(body.id as string);
  }
  return seeded;
}
