// Case event webhooks (issue 16) on the real stack: a local receiver (allowed through the outbound allow-list) gets
// signed deliveries of a case's events from the worker's dispatcher; street and event filters; retries with backoff
// (short here) until the receiver answers, or `failed`; destinations refused at registration and at connect time;
// secrets never answered, and rotated; a street admin's reach; deadlines near and past from the sweep.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { purgeDeliveries, sweepDeadlines, WebhookDispatcher } from '../../activities/webhooks';
import { parseAllowList } from '../../platform/outboundPolicy';
import { webhookSettings } from '../../platform/webhookSettings';
import { WebhookDelivery } from '../../store/models';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { nonConformance, servedOpenApi } from '../support/openapiConformance';
import { eventually } from '../support/wait';
import { deployFixtures, inspectionCase } from './fixtures';

// The receiver listens on 127.0.0.1, which only the allow-list lets deliveries reach; retries wait 50 ms, 100 ms …
Object.assign(process.env, { SPARROW_OUTBOUND_ALLOW: '127.0.0.1', SPARROW_WEBHOOK_REFRESH_MS: '0', SPARROW_WEBHOOK_BACKOFF_MS: '50', SPARROW_WEBHOOK_MAX_ATTEMPTS: '3' });

const SECRET = 'receiver-secret-0123456789';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; event: string; instanceId: string; street: string | null; definitionKey: string; task?: { id: string; name?: string; dueDate?: string } };
}

/** A local HTTP receiver: `/ok/*` answers 200, `/flaky/*` 503 to the first two attempts of each delivery, `/down/*` 500. */
async function startReceiver() {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) });
      const delivery = String(req.headers['x-sparrow-delivery']);
      const n = (attempts.get(delivery) ?? 0) + 1;
      attempts.set(delivery, n);
      const status = req.url?.startsWith('/down') ? 500 : req.url?.startsWith('/flaky') && n <= 2 ? 503 : 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Whether the request carries a valid signature of its timestamp and body under `secret`. */
function signedWith(r: Received, secret: string): boolean {
  const timestamp = String(r.headers['x-sparrow-timestamp']);
  return r.headers['x-sparrow-signature'] === `sha256=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
}

describe('case event webhooks', () => {
  let stack: ApiStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: ApiSession;
  let staff: ApiSession;
  let stopDispatcher: () => void;

  const register = async (as: ApiSession, body: Record<string, unknown>) => {
    const res = await as.post('/api/admin/webhooks', { name: '测试推送', secret: SECRET, ...body });
    if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const deliveriesOf = (hookId: string, instanceId: string) => receiver.received.filter((r) => r.json.instanceId === instanceId && r.headers['x-sparrow-delivery'] === `${hookId}:${r.json.id}`);
  const complete = (taskId: string) => staff.post(`/api/tasks/${enc(taskId)}/complete`, { variables: { verdict: 'confirmed' } }).expect(200);

  beforeAll(async () => {
    stack = await startApiStack();
    receiver = await startReceiver();
    stopDispatcher = new WebhookDispatcher({ pollMs: 100 }).start();
    admin = await stack.as('admin');
    staff = await stack.as('bajiao-staff');
    await deployFixtures(stack, await stack.as('owner'));
  }, 120_000);
  afterAll(async () => {
    stopDispatcher?.();
    await receiver?.close();
    await stack?.stop();
  });

  it('should deliver case started, task created, task completed and case completed, signed with the secret', async () => {
    // given a webhook of bajiao for four events
    const hook = await register(admin, { url: `${receiver.base}/ok/all`, events: ['case.started', 'task.created', 'task.completed', 'case.completed'], streets: ['bajiao'] });

    // when a bajiao case starts and its task is completed
    const { id, taskId } = await inspectionCase(staff);
    await complete(taskId);

    // then the receiver gets the four events, each signed, with its event and delivery headers
    const got = await eventually(async () => (deliveriesOf(hook.id, id).length >= 4 ? deliveriesOf(hook.id, id) : undefined), 'four deliveries');
    expect(got.map((r) => r.json.event).sort()).toEqual(['case.completed', 'case.started', 'task.completed', 'task.created']);
    for (const r of got) {
      expect(signedWith(r, SECRET)).toBe(true);
      expect(r.headers['x-sparrow-event']).toBe(r.json.event);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.json).toMatchObject({ instanceId: id, definitionKey: 'street-inspection', street: 'bajiao' });
    }
    expect(got.filter((r) => r.json.event.startsWith('task.')).map((r) => r.json.task?.id)).toEqual([taskId, taskId]);

    // and the admin sees them delivered at the first attempt (once the dispatcher has recorded the answers)
    type Row = { instanceId: string; status: string; attempts: number; lastStatusCode: number };
    const mine = await eventually(async () => {
      const items = ((await admin.get(`/api/admin/webhooks/${hook.id}/deliveries`).expect(200)).body.items as Row[]).filter((d) => d.instanceId === id);
      return items.every((d) => d.status === 'delivered') ? items : undefined;
    }, 'four deliveries recorded');
    expect(mine.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual(Array(4).fill(['delivered', 1, 200]));
  });

  it('should deliver only the events and streets a webhook names', async () => {
    // given a catch-all webhook of bajiao, one of lugu, and one of bajiao for case.completed only
    const bajiao = await register(admin, { url: `${receiver.base}/ok/bajiao`, events: ['case.started', 'task.created'], streets: ['bajiao'] });
    const lugu = await register(admin, { url: `${receiver.base}/ok/lugu`, events: ['case.started', 'task.created'], streets: ['lugu'] });
    const completedOnly = await register(admin, { url: `${receiver.base}/ok/completed`, events: ['case.completed'], streets: ['bajiao'] });

    // when a bajiao case and a lugu case start
    const inBajiao = await inspectionCase(staff);
    const inLugu = await inspectionCase(admin, { street: 'lugu' });

    // then each street's webhook hears its own case; queued in the same write, the others got no delivery at all
    await eventually(async () => (deliveriesOf(bajiao.id, inBajiao.id).length >= 2 ? true : undefined), 'bajiao deliveries');
    await eventually(async () => (deliveriesOf(lugu.id, inLugu.id).length >= 2 ? true : undefined), 'lugu deliveries');
    expect(await WebhookDelivery.countDocuments({ webhookId: lugu.id, instanceId: inBajiao.id })).toBe(0);
    expect(await WebhookDelivery.countDocuments({ webhookId: bajiao.id, instanceId: inLugu.id })).toBe(0);
    expect(await WebhookDelivery.countDocuments({ webhookId: completedOnly.id, instanceId: inBajiao.id })).toBe(0);
    expect(deliveriesOf(lugu.id, inLugu.id).map((r) => r.json.street)).toEqual(['lugu', 'lugu']);
  });

  it('should retry a failing receiver with backoff until it answers, and give up after the last attempt', async () => {
    // given a receiver that fails twice per delivery, and one that always fails
    const flaky = await register(admin, { url: `${receiver.base}/flaky`, events: ['case.started'], streets: ['bajiao'] });
    const down = await register(admin, { url: `${receiver.base}/down`, events: ['case.started'], streets: ['bajiao'] });

    // when a case starts
    const { id } = await inspectionCase(staff);

    // then the flaky one is delivered at the third attempt, the same delivery each time
    const delivered = await eventually(async () => (await WebhookDelivery.findOne({ webhookId: flaky.id, instanceId: id, status: 'delivered' }).lean()) ?? undefined, 'the flaky delivery');
    expect(delivered.attempts).toBe(3);
    expect(new Set(deliveriesOf(flaky.id, id).map((r) => r.headers['x-sparrow-delivery'])).size).toBe(1);
    expect(deliveriesOf(flaky.id, id)).toHaveLength(3);

    // and the other is failed after its three attempts, with the reason and no next attempt
    await eventually(async () => (await WebhookDelivery.findOne({ webhookId: down.id, instanceId: id, status: 'failed' }).lean()) ?? undefined, 'the failed delivery');
    const failed = (await admin.get(`/api/admin/webhooks/${down.id}/deliveries?status=failed`).expect(200)).body.items[0];
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3, lastStatusCode: 500, lastError: 'the receiver answered 500', responseExcerpt: 'try again later', nextAttemptAt: null });

    // when the admin retries it, it gets a fresh round of attempts
    const retried = await admin.post(`/api/admin/webhooks/${down.id}/deliveries/${enc(failed.id)}/retry`).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await eventually(async () => (deliveriesOf(down.id, id).length >= 6 ? true : undefined), 'three more attempts');
  });

  it('should answer as the OpenAPI document describes, refusals included', async () => {
    // given the served document and a webhook with a delivery
    const doc = await servedOpenApi(stack.app);
    const base = '/api/admin/webhooks';
    const created = await admin.post(base, { name: '文档', url: `${receiver.base}/ok/doc`, events: ['case.started'], streets: ['bajiao'], secret: SECRET });
    const { id } = await inspectionCase(staff);
    const row = await eventually(async () => (await WebhookDelivery.findOne({ webhookId: created.body.id, instanceId: id, status: 'delivered' }).lean()) ?? undefined, 'the delivery');

    // when every route answers, successes and refusals
    const answers: Array<[string, string, { status: number; headers: Record<string, string> }]> = [
      ['post', base, created],
      ['post', base, await admin.post(base, { name: '拒绝', url: 'http://10.0.0.7/', events: ['case.started'], streets: ['bajiao'], secret: SECRET })],
      ['post', base, await admin.post(base, { name: '未知', url: `${receiver.base}/ok`, events: ['case.started'], streets: ['nowhere'], secret: SECRET })],
      ['get', base, await admin.get(base)],
      ['patch', `${base}/{id}`, await admin.patch(`${base}/${created.body.id}`, { active: true })],
      ['patch', `${base}/{id}`, await admin.patch(`${base}/wh_unknown`, { active: true })],
      ['get', `${base}/{id}/deliveries`, await admin.get(`${base}/${created.body.id}/deliveries?status=delivered`)],
      ['post', `${base}/{id}/deliveries/{deliveryId}/retry`, await admin.post(`${base}/${created.body.id}/deliveries/${enc(row._id)}/retry`)],
      ['post', `${base}/{id}/deliveries/{deliveryId}/retry`, await admin.post(`${base}/${created.body.id}/deliveries/nothing/retry`)],
      ['delete', `${base}/{id}`, await admin.delete(`${base}/${created.body.id}`)],
    ];

    // then each is documented
    expect(answers.map(([, , res]) => res.status)).toEqual([201, 422, 422, 200, 200, 404, 200, 200, 404, 204]);
    expect(answers.flatMap(([method, path, res]) => nonConformance(doc, method, path, res))).toEqual([]);
  });

  it('should refuse loopback, private, link-local and non-http destinations at registration, naming why', async () => {
    const refusals = [];
    for (const url of ['http://10.0.0.7/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://localhost:8080/hook', 'file:///etc/passwd', 'https://user:pw@hooks.example.org/']) {
      const res = await admin.post('/api/admin/webhooks', { name: '拒绝', url, events: ['case.started'], streets: ['bajiao'], secret: SECRET });
      refusals.push([res.status, res.body.code]);
    }
    expect(refusals).toEqual(Array(6).fill([422, 'destination-denied']));
    const res = await admin.post('/api/admin/webhooks', { name: '拒绝', url: 'http://10.0.0.7/hook', events: ['case.started'], streets: ['bajiao'], secret: SECRET });
    expect(res.body.detail).toContain('10.0.0.7, a private address');
  });

  it('should mark a delivery failed at once, naming the address, when the destination is denied where it connects', async () => {
    // given a webhook registered while its address was allowed, and a dispatcher whose allow-list no longer names it
    const hook = await register(admin, { url: `${receiver.base}/ok/narrowed`, events: ['case.started'], streets: ['bajiao'] });
    stopDispatcher();
    const stopStrict = new WebhookDispatcher({ pollMs: 100, settings: { ...webhookSettings(), allow: parseAllowList([]) } }).start();
    try {
      // when a case starts
      const { id } = await inspectionCase(staff);

      // then its delivery is failed after one attempt, without retries, and nothing reached the receiver
      const row = await eventually(async () => (await WebhookDelivery.findOne({ webhookId: hook.id, instanceId: id, status: 'failed' }).lean()) ?? undefined, 'the denied delivery');
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain('127.0.0.1, a loopback address');
      expect(deliveriesOf(hook.id, id)).toEqual([]);
    } finally {
      stopStrict();
      stopDispatcher = new WebhookDispatcher({ pollMs: 100 }).start();
    }
  });

  it('should never answer a secret, and sign with a rotated secret from then on', async () => {
    // given a webhook
    const created = await admin.post('/api/admin/webhooks', { name: '轮换', url: `${receiver.base}/ok/rotate`, events: ['case.started'], streets: ['bajiao'], secret: SECRET }).expect(201);
    expect(created.body.secretSet).toBe(true);

    // when its secret is rotated
    const rotated = await admin.patch(`/api/admin/webhooks/${created.body.id}`, { secret: 'the-rotated-secret-987654' }).expect(200);
    const list = await admin.get('/api/admin/webhooks').expect(200);

    // then no answer carries either secret
    for (const body of [created.body, rotated.body, list.body]) expect(JSON.stringify(body)).not.toMatch(/receiver-secret|rotated-secret/);
    expect(rotated.body.secretUpdatedAt).not.toBe(created.body.secretUpdatedAt);

    // and a case's delivery is signed with the new secret
    const { id } = await inspectionCase(staff);
    const [got] = await eventually(async () => (deliveriesOf(created.body.id, id).length > 0 ? deliveriesOf(created.body.id, id) : undefined), 'the delivery');
    expect([signedWith(got, 'the-rotated-secret-987654'), signedWith(got, SECRET)]).toEqual([true, false]);
  });

  it("should let a street admin manage only its streets' webhooks", async () => {
    // given a lugu webhook and a district-wide one
    const lugu = await register(admin, { url: `${receiver.base}/ok/scope-lugu`, events: ['case.started'], streets: ['lugu'] });
    const district = await register(admin, { url: `${receiver.base}/ok/scope-all`, events: ['case.started'], streets: ['*'] });
    const bajiaoAdmin = await stack.as('bajiao-admin');

    // when bajiao's admin registers one for bajiao, and tries lugu and the district
    const own = await register(bajiaoAdmin, { url: `${receiver.base}/ok/scope-bajiao`, events: ['case.started'], streets: ['bajiao'] });
    const forLugu = await bajiaoAdmin.post('/api/admin/webhooks', { name: 'x', url: `${receiver.base}/ok`, events: ['case.started'], streets: ['lugu'], secret: SECRET });
    const forAll = await bajiaoAdmin.post('/api/admin/webhooks', { name: 'x', url: `${receiver.base}/ok`, events: ['case.started'], streets: ['*'], secret: SECRET });

    // then only bajiao's is made, and only bajiao's webhooks are listed or reachable
    expect([forLugu.status, forLugu.body.code, forAll.status, forAll.body.code]).toEqual([403, 'street-out-of-scope', 403, 'district-admin-only']);
    const ids = (await bajiaoAdmin.get('/api/admin/webhooks').expect(200)).body.items.map((w: { id: string }) => w.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(lugu.id);
    expect(ids).not.toContain(district.id);
    await bajiaoAdmin.patch(`/api/admin/webhooks/${lugu.id}`, { active: false }).expect(404);
    await bajiaoAdmin.get(`/api/admin/webhooks/${district.id}/deliveries`).expect(404);
    await bajiaoAdmin.delete(`/api/admin/webhooks/${own.id}`).expect(204);
  });

  it('should remove finished deliveries past their retention, and keep pending ones', async () => {
    // given a delivered delivery, and a pending one (its next attempt a day away) queued as long ago
    const ok = await register(admin, { url: `${receiver.base}/ok/retention`, events: ['case.started'], streets: ['bajiao'] });
    const { id } = await inspectionCase(staff);
    await eventually(async () => (await WebhookDelivery.exists({ webhookId: ok.id, instanceId: id, status: 'delivered' })) ?? undefined, 'the delivered one');
    const now = new Date();
    const pending = { _id: `${ok.id}:waiting`, webhookId: ok.id, eventId: 'waiting', event: 'case.started', instanceId: id, street: 'bajiao', payloadJson: '{}', status: 'pending', attempts: 1 };
    await WebhookDelivery.collection.insertOne({ ...pending, nextAttemptAt: new Date(now.getTime() + 86_400_000), occurredAt: now, createdAt: now } as never);

    // when the retention of 30 days has passed
    await purgeDeliveries({ retentionDays: 30 }, new Date(now.getTime() + 31 * 86_400_000));

    // then the delivered one is gone and the pending one stays
    expect((await WebhookDelivery.find({ webhookId: ok.id }).lean()).map((d) => d._id)).toEqual([pending._id]);
  });

  it('should raise deadline.near once for a task due within the window, and deadline.past once it is due', async () => {
    // given a webhook for deadlines, and a task due in an hour
    const hook = await register(admin, { url: `${receiver.base}/ok/deadlines`, events: ['deadline.near', 'deadline.past'], streets: ['bajiao'] });
    const due = new Date(Date.now() + 3_600_000);
    const { id, taskId } = await inspectionCase(staff, { variables: { dueAt: due.toISOString() } });
    const settings = webhookSettings();

    // when the sweep runs now, again, and two hours later
    await sweepDeadlines(settings);
    await sweepDeadlines(settings);
    await sweepDeadlines(settings, new Date(due.getTime() + 3_600_000));

    // then the receiver gets each event once, naming the task and its due date
    const got = await eventually(async () => (deliveriesOf(hook.id, id).length >= 2 ? deliveriesOf(hook.id, id) : undefined), 'two deadline deliveries');
    expect(got.map((r) => r.json.event).sort()).toEqual(['deadline.near', 'deadline.past']);
    for (const r of got) expect(r.json.task).toMatchObject({ id: taskId, name: '现场核查', dueDate: due.toISOString() });
    expect(await WebhookDelivery.countDocuments({ webhookId: hook.id })).toBe(2);
  });
});
