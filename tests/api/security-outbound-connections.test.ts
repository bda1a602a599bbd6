// Issue 10 defect 18: at runtime the app opens connections only to the services it is configured with (MongoDB,
// Temporal) on loopback: no telemetry, analytics or other phoning home from the server or its dependencies.
// Watched at the Node level (net sockets, DNS lookups, UDP); the worker's Rust core connects natively to Temporal and
// is outside this test's view.
import dgram from 'node:dgram';
import dns from 'node:dns';
import type { AddressInfo, Server } from 'node:net';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { inspectionForm, inspectionXml, uniqueKey, WORKER_GROUPS } from './fixtures';

type Target = { host: string; port: number | string };
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/** Records every outbound socket, DNS lookup and UDP datagram of this process until `restore()`. */
function watchOutbound() {
  const connects: Target[] = [];
  const lookups: string[] = [];
  const datagrams: Target[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const promisesLookup = dns.promises.lookup;
  const send = dgram.Socket.prototype.send;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const [first, second] = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
    if (typeof first === 'object' && first !== null) {
      const options = first as { host?: string; port?: number; path?: string };
      connects.push(options.path ? { host: 'unix', port: options.path } : { host: options.host ?? 'localhost', port: Number(options.port) });
    } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
      connects.push({ host: 'unix', port: first });
    } else {
      connects.push({ host: typeof second === 'string' ? second : 'localhost', port: Number(first) });
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  dns.lookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    lookups.push(hostname);
    return (lookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  } as typeof dns.lookup;
  dns.promises.lookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    lookups.push(hostname);
    return (promisesLookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  } as typeof dns.promises.lookup;
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const port = args.find((a, i) => i > 0 && typeof a === 'number' && (typeof args[i + 1] === 'string' || args[i + 1] === undefined));
    datagrams.push({ host: String(args.find((a) => typeof a === 'string') ?? '?'), port: Number(port) });
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
  return {
    connects,
    lookups,
    datagrams,
    restore() {
      net.Socket.prototype.connect = connect;
      dns.lookup = lookup;
      dns.promises.lookup = promisesLookup;
      dgram.Socket.prototype.send = send;
    },
  };
}

describe('outbound connections at runtime (defect 18)', () => {
  const watch = watchOutbound();
  let stack: ApiStack;
  let server: Server;
  /** The endpoint the HTTP connector (sparrow.http) is allowed to call: a configured destination too. */
  let connectorTarget: http.Server;
  beforeAll(async () => {
    connectorTarget = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"holder":"张三"}'));
    connectorTarget.listen(0, '127.0.0.1');
    await new Promise((resolve) => connectorTarget.once('listening', resolve));
    stack = await startApiStack();
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    watch.restore();
    await new Promise((resolve) => server?.close(resolve));
    connectorTarget?.closeAllConnections();
    await new Promise((resolve) => connectorTarget?.close(resolve));
    await stack?.stop();
  });

  it('should connect only to the configured MongoDB, Temporal and PostgreSQL under FerretDB (and the test\'s own server, and the one host an admin allowed the HTTP connector), all on loopback', async () => {
    // given the configured services
    const mongo = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    const temporal = new URL(`grpc://${stack.env.address}`);
    const own = (server.address() as AddressInfo).port;
    // (with FerretDB on PostgreSQL, the read model also reads the configured PostgreSQL under it: SPARROW_POSTGRESQL_URL)
    const postgres = process.env.SPARROW_POSTGRESQL_URL ? [Number(new URL(process.env.SPARROW_POSTGRESQL_URL).port)] : [];
    // (and the one host an admin allowed the HTTP connector to call)
    const connector = (connectorTarget.address() as AddressInfo).port;
    const allowed = new Set([Number(mongo.port), Number(temporal.port), own, ...postgres, connector]);

    // when a user signs in, reads the docs, designs, deploys, starts a case and lists tasks
    const agent = request.agent(server);
    const owner = await agent.post('/api/auth/login').send({ username: 'owner', password: DEMO_PASSWORD }).expect(200);
    const csrf = owner.body.csrfToken as string;
    await agent.get('/api/docs').expect(200);
    await agent.get('/api/docs/swagger-ui-bundle.js').expect(200);
    await agent.get('/api/openapi.json').expect(200);
    await agent.put('/api/forms/inspection-form').set('X-CSRF-Token', csrf).send({ schema: inspectionForm }).expect(201);
    await agent.post('/api/deployments').set('X-CSRF-Token', csrf).send({ xml: inspectionXml }).expect(201);
    const staff = request.agent(server);
    const staffCsrf = (await staff.post('/api/auth/login').send({ username: 'bajiao-staff', password: DEMO_PASSWORD }).expect(200)).body.csrfToken as string;
    const started = await staff.post('/api/instances').set('X-CSRF-Token', staffCsrf).send({ definitionKey: 'street-inspection', businessKey: uniqueKey('OUT'), street: 'bajiao', variables: { groups: WORKER_GROUPS } });
    expect(started.status).toBe(201);
    await staff.get(`/api/instances/${encodeURIComponent(started.body.id as string)}`).expect(200);
    await staff.get('/api/tasks').expect(200);
    await agent.get('/healthz').expect(200);
    // and a case's sparrow.http task calls the host the admin allowed, while another's names a private address
    const admin = request.agent(server);
    const adminCsrf = (await admin.post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)).body.csrfToken as string;
    await admin.put('/api/admin/http-connector').set('X-CSRF-Token', adminCsrf).send({ hosts: [`127.0.0.1:${connector}`], nonPublic: ['127.0.0.1'] }).expect(200);
    await agent.post('/api/deployments').set('X-CSRF-Token', csrf).send({ xml: fs.readFileSync(path.join(__dirname, 'fixtures', 'http-connector.bpmn'), 'utf8') }).expect(201);
    for (const [service, stopsAt] of [[`http://127.0.0.1:${connector}`, 'Review'], ['http://10.255.255.1', 'incident']]) {
      const res = await staff.post('/api/instances').set('X-CSRF-Token', staffCsrf).send({ definitionKey: 'http-connector', businessKey: uniqueKey('OUT'), street: 'bajiao', variables: { permitService: service, permitNo: 'XK-1' } });
      expect(res.status).toBe(201);
      await eventually(async () => {
        const { state } = (await staff.get(`/api/instances/${encodeURIComponent(res.body.id as string)}`).expect(200)).body as { state: { incidents: unknown[]; activeElements: Array<{ elementId: string }> } };
        return (stopsAt === 'incident' ? state.incidents.length > 0 : state.activeElements.some((a) => a.elementId === stopsAt)) || undefined;
      }, `the case calling ${service} at ${stopsAt}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // then every socket went to one of those services on loopback, no name was looked up off loopback, and no datagram left
    expect(watch.connects.length).toBeGreaterThan(0);
    const elsewhere = watch.connects.filter((t) => !LOOPBACK.has(t.host) || !allowed.has(Number(t.port)));
    expect(elsewhere).toEqual([]);
    expect(watch.connects.map((t) => Number(t.port))).toEqual(expect.arrayContaining([Number(mongo.port), Number(temporal.port), own, connector]));
    expect(watch.lookups.filter((host) => !LOOPBACK.has(host))).toEqual([]);
    expect(watch.datagrams).toEqual([]);
  });
});
