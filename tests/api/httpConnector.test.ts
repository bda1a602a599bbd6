// The HTTP connector end to end (issue 16): an admin allows a host (GET/PUT /api/admin/http-connector, deny by
// default), a case's sparrow.http service task posts to it with FEEL input mappings and maps the answer with output
// mappings; a destination not allowed is an incident naming the host and the setting, which a corrected variable and
// a resolved incident get past.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { caseState } from '../../server/services/cases';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'http-connector.bpmn'), 'utf8');

describe('the HTTP connector (sparrow.http)', () => {
  let stack: ApiStack;
  let admin: ApiSession;
  let server: http.Server;
  let base: string;
  const received: Array<{ method?: string; url?: string; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ holder: '张三', no: JSON.parse(body || '{}').no }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stack = await startApiStack();
    admin = await stack.as('admin');
    await (await stack.as('owner')).post('/api/deployments', { xml }).expect(201);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Starts a case calling `permitService` and waits until it reaches Review or an incident. */
  async function runCase(permitService: string) {
    const res = await (await stack.as('bajiao-staff')).post('/api/instances', { definitionKey: 'http-connector', businessKey: uniqueKey('HTTP'), street: 'bajiao', variables: { permitService, permitNo: 'XK-9' } }).expect(201);
    const id = res.body.id as string;
    const state = await eventually(
      () => caseState(stack.client, id).then((s) => (s.incidents.length > 0 || s.activeElements.some((a) => a.elementId === 'Review') ? s : undefined)),
      `Review or an incident in ${id}`,
    );
    return { id, state };
  }

  it('should refuse malformed settings with a 400 naming the entry, and start with no host allowed', async () => {
    expect((await admin.get('/api/admin/http-connector').expect(200)).body).toEqual(expect.objectContaining({ hosts: [], nonPublic: [] }));
    const badHost = await admin.put('/api/admin/http-connector', { hosts: ['http://x.org/path'], nonPublic: [] });
    expect([badHost.status, badHost.body.errors?.[0]?.path]).toEqual([400, 'body.hosts.0']);
    const badRange = await admin.put('/api/admin/http-connector', { hosts: [], nonPublic: ['10.0.0.0/99'] });
    expect([badRange.status, badRange.body.errors?.[0]?.path]).toEqual([400, 'body.nonPublic.0']);
  });

  it('should stop a case at an incident naming a host no admin allowed, and nothing is sent', async () => {
    // given no host allowed (deny by default)
    await admin.put('/api/admin/http-connector', { hosts: [], nonPublic: [] }).expect(200);

    // when a case calls the local service, then Lookup has an incident naming host and setting, and nothing was sent
    const { state } = await runCase(base);
    expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'Lookup', message: `host ${base.slice(7)} is not among the HTTP connector's allowed hosts: an admin adds it to the setting hosts (PUT /api/admin/http-connector)` })]);
    expect(received).toEqual([]);
  });

  it('should post to an allowed host and map the answer; a denied destination is fixed with a variable and a resolved incident', async () => {
    // given the admin allowed the local service (host, port and its loopback address)
    const put = await admin.put('/api/admin/http-connector', { hosts: [base.slice(7)], nonPublic: ['127.0.0.1'] }).expect(200);
    expect(put.body).toEqual(expect.objectContaining({ hosts: [base.slice(7)], nonPublic: ['127.0.0.1'], updatedBy: 'admin' }));

    // when a case calls it
    const ok = await runCase(base);

    // then it posted the FEEL-built body and the output mappings took the answer
    expect(ok.state.incidents).toEqual([]);
    expect(received).toEqual([{ method: 'POST', url: '/permits', body: JSON.stringify({ no: 'XK-9', street: '八角' }) }]);
    expect(ok.state.variables).toEqual(expect.objectContaining({ lookupStatus: 200, holder: '张三' }));

    // when a case calls a private address instead, then an incident names it
    const denied = await runCase('http://10.255.255.1');
    expect(denied.state.incidents[0].message).toContain('host 10.255.255.1:80 is not among the HTTP connector\'s allowed hosts');

    // when a commander corrects the service address and resolves the incident, then the call is made and the case goes on
    const commander = await stack.as('bajiao-commander');
    await commander.patch(`/api/instances/${enc(denied.id)}/variables`, { variables: { permitService: base }, reason: '许可证服务地址填错' }).expect(200);
    await commander.post(`/api/instances/${enc(denied.id)}/incidents/${enc(denied.state.incidents[0].id)}/resolve`).expect(200);
    const fixed = await eventually(() => caseState(stack.client, denied.id).then((s) => (s.activeElements.some((a) => a.elementId === 'Review') ? s : undefined)), 'Review after the fix');
    expect(fixed.variables).toEqual(expect.objectContaining({ holder: '张三' }));
    expect(received).toHaveLength(2);
  });
});
