// Sign-in, sessions, CSRF, bearer tokens, the admin routes for users and org units, errors common to all routes, OpenAPI.
import mongoose from 'mongoose';
import request from 'supertest';
import { unreachableDependency } from '../../platform/unreachable';
import { routeName } from '../../server/http/route';
import { ApiToken } from '../../store/models';
import { apiRoutes } from '../../server/routes/index';
import { DEMO_USERS, seedDemoData } from '../../server/seed';
import { type ApiStack, login, startApiStack } from '../support/api';

describe('authentication and access', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('sign-in', () => {
    it('should sign in, set an httpOnly SameSite=Lax session cookie kept in MongoDB, and answer /api/me', async () => {
      // when a demo user signs in
      const agent = request.agent(stack.app);
      const res = await agent.post('/api/auth/login').send({ username: 'bajiao-staff', password: 'sparrow-demo' }).expect(200);

      // then the cookie is httpOnly and SameSite=Lax, and the answer carries roles, streets and a CSRF token
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^sparrow\.sid=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(res.body).toMatchObject({ username: 'bajiao-staff', roles: ['enforcement-staff'], streets: ['bajiao'], via: 'session' });
      expect(res.body.groups).toEqual(expect.arrayContaining(['enforcement', 'enforcement-staff', 'chengguan']));
      expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
      const me = await agent.get('/api/me').expect(200);
      expect(me.body).toMatchObject({ username: 'bajiao-staff', csrfToken: res.body.csrfToken });

      // and the session is a row in MongoDB with an expiry (swept by connect-mongo's interval, no TTL index)
      const sessions = await mongoose.connection.db!.collection('sessions').find({}).toArray();
      expect(sessions.some((s) => typeof s.session === 'string' && s.session.includes('"username":"bajiao-staff"') && s.expires instanceof Date)).toBe(true);
    });

    it('should answer the same 401 for a wrong password and an unknown user, hashing in both cases', async () => {
      // when a known user gives a wrong password and an unknown user signs in
      const timed = async (username: string) => {
        const started = process.hrtime.bigint();
        const res = await request(stack.app).post('/api/auth/login').send({ username, password: 'wrong-password' });
        return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      const known = [await timed('lugu-staff'), await timed('lugu-staff')];
      const unknown = [await timed('no-such-user'), await timed('no-such-user')];

      // then both are the same problem, and the unknown user's failure also paid for a hash comparison
      for (const { res } of [...known, ...unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'invalid-credentials', detail: 'the username or password is wrong' });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      const fastest = (xs: Array<{ ms: number }>) => Math.min(...xs.map((x) => x.ms));
      expect(fastest(unknown)).toBeGreaterThan(fastest(known) * 0.4);
    });

    it('should refuse a 400 with field paths for a malformed login body', async () => {
      const res = await request(stack.app).post('/api/auth/login').send({ username: '' }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.password', 'body.username']);
    });

    it('should rate-limit failed sign-ins per address and username with 429, not counting other usernames', async () => {
      // given ten failed attempts for one user
      for (let i = 0; i < 10; i += 1) {
        await request(stack.app).post('/api/auth/login').send({ username: 'lugu-volunteer', password: `wrong-${i}` }).expect(401);
      }

      // when the right password is sent next
      const blocked = await request(stack.app).post('/api/auth/login').send({ username: 'lugu-volunteer', password: 'sparrow-demo' });

      // then it is refused until the window passes, while another user still signs in
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('too-many-attempts');
      expect(blocked.headers['retry-after']).toBeDefined();
      await request(stack.app).post('/api/auth/login').send({ username: 'lugu-resident', password: 'sparrow-demo' }).expect(200);
    });

    it('should end the session on logout', async () => {
      const session = await login(stack.app, 'bajiao-liaison');
      await session.post('/api/auth/logout').expect(204);
      const after = await session.get('/api/me').expect(401);
      expect(after.body.code).toBe('unauthenticated');
    });
  });

  describe('CSRF', () => {
    it('should refuse a state-changing cookie request without the X-CSRF-Token header, or with a wrong one, and change nothing', async () => {
      // given a signed-in owner
      const agent = request.agent(stack.app);
      const signedIn = await agent.post('/api/auth/login').send({ username: 'bajiao-owner', password: 'sparrow-demo' }).expect(200);
      const schema = { components: [{ type: 'textfield', key: 'x' }] };

      // when a form is saved without, and with a wrong, token
      const missing = await agent.put('/api/forms/csrf-form').send({ schema }).expect(403);
      const wrong = await agent.put('/api/forms/csrf-form').set('X-CSRF-Token', 'not-the-token').send({ schema }).expect(403);

      // then both are refused and nothing was saved; with the token (also from GET /api/auth/csrf) it is saved
      expect(missing.body.code).toBe('csrf-token-invalid');
      expect(wrong.body.code).toBe('csrf-token-invalid');
      await agent.get('/api/forms/csrf-form').expect(404);
      const token = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken;
      expect(token).toBe(signedIn.body.csrfToken);
      await agent.put('/api/forms/csrf-form').set('X-CSRF-Token', token).send({ schema }).expect(201);
    });

    it('should refuse a body that is not JSON with 415 (a cross-site form cannot send JSON)', async () => {
      const res = await request(stack.app).post('/api/auth/login').type('form').send('username=bajiao-staff&password=sparrow-demo').expect(415);
      expect(res.body.code).toBe('unsupported-media-type');
    });
  });

  describe('bearer tokens', () => {
    it('should create a token shown once, store only its hash, accept it without CSRF, list it without the secret and revoke it', async () => {
      // given a token created by a signed-in commander
      const commander = await stack.as('bajiao-commander');
      const created = await commander.post('/api/me/tokens', { name: '巡查脚本', expiresInDays: 30 }).expect(201);
      const { token, id } = created.body;
      expect(token).toMatch(/^spw_[\w-]{40,}$/);

      // then the database holds no token in clear
      const rows = await ApiToken.find({ username: 'bajiao-commander' }).lean();
      expect(JSON.stringify(rows)).not.toContain(token);

      // when a script calls with it (no cookie, no CSRF header)
      const me = await request(stack.app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ username: 'bajiao-commander', via: 'token', csrfToken: null });
      // (a token cannot mint more tokens: tests/api/credentials.test.ts)
      await request(stack.app).post('/api/me/tokens').set('Authorization', `Bearer ${token}`).send({ name: 'from a script' }).expect(403);

      // and the list shows it without the secret
      const list = await commander.get('/api/me/tokens').expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, name: '巡查脚本' })]));
      expect(JSON.stringify(list.body)).not.toContain(token);

      // when it is revoked, it no longer works
      await commander.delete(`/api/me/tokens/${id}`).expect(204);
      const revoked = await request(stack.app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(revoked.body.code).toBe('invalid-token');
      await commander.delete(`/api/me/tokens/${id}`).expect(404);
    });

    it('should answer 401 to an unknown bearer token, even with a valid session cookie', async () => {
      const session = await stack.as('bajiao-staff');
      const res = await session.get('/api/me').set('Authorization', 'Bearer spw_unknown').expect(401);
      expect(res.body.code).toBe('invalid-token');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('users and org units (admin)', () => {
    it('should create, read, change and disable a user; a disabled user is signed out and cannot sign in', async () => {
      // given an admin
      const admin = await stack.as('admin');

      // when a user is created
      const created = await admin
        .post('/api/users', { username: 'lugu-staff-2', displayName: '鲁谷执法队员二', password: 'a-long-password', roles: ['enforcement-staff'], groups: ['enforcement'], orgUnits: ['lugu'], streets: ['lugu'] })
        .expect(201);
      expect(created.body).toMatchObject({ username: 'lugu-staff-2', roles: ['enforcement-staff'], streets: ['lugu'], disabled: false });
      expect(JSON.stringify(created.body)).not.toMatch(/argon2|passwordHash/);

      // then they can sign in, and the user is listed by role and street
      const session = await login(stack.app, 'lugu-staff-2', 'a-long-password');
      const listed = await admin.get('/api/users?role=enforcement-staff&street=lugu').expect(200);
      expect(listed.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['lugu-staff', 'lugu-staff-2']);
      await admin.get('/api/users/lugu-staff-2').expect(200);

      // when the admin disables them
      await admin.patch('/api/users/lugu-staff-2', { disabled: true }).expect(200);

      // then their session stops working and they cannot sign in again
      await session.get('/api/me').expect(401);
      await request(stack.app).post('/api/auth/login').send({ username: 'lugu-staff-2', password: 'a-long-password' }).expect(401);
    });

    it('should refuse a duplicate user (409), an unknown street (422), a short password (400) and an unknown user (404)', async () => {
      const admin = await stack.as('admin');
      expect((await admin.post('/api/users', { username: 'bajiao-staff', displayName: 'x', password: 'a-long-password' }).expect(409)).body.code).toBe('user-exists');
      expect((await admin.post('/api/users', { username: 'new-one', displayName: 'x', password: 'a-long-password', streets: ['nowhere'] }).expect(422)).body.code).toBe('unknown-org-unit');
      const short = await admin.post('/api/users', { username: 'new-two', displayName: 'x', password: 'short' }).expect(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
      await admin.patch('/api/users/nobody-here', { displayName: 'x' }).expect(404);
      await admin.get('/api/users/new-one').expect(404);
    });

    it('should list the org-unit tree and let an admin add and rename units', async () => {
      const admin = await stack.as('admin');
      const staff = await stack.as('bajiao-staff');
      const tree = await staff.get('/api/org-units').expect(200);
      const byId = new Map(tree.body.items.map((u: { id: string }) => [u.id, u]));
      expect(byId.get('shijingshan')).toMatchObject({ name: '石景山区', kind: 'district', parentId: null });
      expect(byId.get('bajiao')).toMatchObject({ name: '八角街道', kind: 'street', parentId: 'shijingshan' });
      expect(byId.get('lugu')).toMatchObject({ name: '鲁谷街道', kind: 'street' });
      expect(byId.get('chengguan')).toMatchObject({ name: '城管执法', kind: 'department' });
      const streets = await staff.get('/api/org-units?kind=street').expect(200);
      expect(streets.body.items.map((u: { id: string }) => u.id)).toEqual(['bajiao', 'lugu']);

      await admin.post('/api/org-units', { id: 'bajiao-xinkai', name: '新开社区', kind: 'community', parentId: 'bajiao' }).expect(201);
      expect((await admin.post('/api/org-units', { id: 'bajiao-xinkai', name: '重复', kind: 'community' }).expect(409)).body.code).toBe('org-unit-exists');
      expect((await admin.post('/api/org-units', { id: 'orphan', name: '孤儿', kind: 'community', parentId: 'nowhere' }).expect(422)).body.code).toBe('unknown-org-unit');
      const renamed = await admin.patch('/api/org-units/bajiao-xinkai', { name: '新开路社区' }).expect(200);
      expect(renamed.body).toMatchObject({ id: 'bajiao-xinkai', name: '新开路社区', parentId: 'bajiao' });
      await admin.patch('/api/org-units/nowhere', { name: 'x' }).expect(404);
    });
  });

  describe('demo data', () => {
    it('should seed idempotently: a second run creates nothing and keeps edits', async () => {
      // given an edited demo user
      const admin = await stack.as('admin');
      await admin.patch('/api/users/lugu-auditor', { displayName: '改过的名字' }).expect(200);

      // when the seed runs again
      const again = await seedDemoData();

      // then nothing is created and the edit stays
      expect(again).toEqual({ orgUnits: 0, users: 0 });
      expect((await admin.get('/api/users/lugu-auditor').expect(200)).body.displayName).toBe('改过的名字');
      expect(DEMO_USERS.length).toBe(21); // the district's three, and nine per street (a job worker among them)
    });
  });

  describe('errors common to every route', () => {
    it('should answer problem+json for an unknown route, invalid JSON and an oversized body, never a stack trace', async () => {
      const unknown = await request(stack.app).get('/api/nothing-here').expect(404);
      expect(unknown.body).toMatchObject({ code: 'route-not-found', status: 404 });
      const invalid = await request(stack.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
      expect(invalid.body.code).toBe('invalid-json');
      const big = await request(stack.app)
        .post('/api/auth/login')
        .send({ username: 'x', password: 'y'.repeat(7 * 1024 * 1024) })
        .expect(413);
      expect(big.body.code).toBe('payload-too-large');
      for (const res of [unknown, invalid, big]) {
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
      }
    });

    it('should recognise unreachable MongoDB and Temporal errors (mapped to 503)', () => {
      const named = (name: string, message = 'x', extra: object = {}) => Object.assign(new Error(message), { name }, extra);
      expect(unreachableDependency(named('MongoServerSelectionError'))).toBe('mongo');
      expect(unreachableDependency(named('MongooseError', 'Operation `tasks.find()` buffering timed out after 10000ms'))).toBe('mongo');
      expect(unreachableDependency(named('Error', 'wrapped', { cause: named('MongoNetworkError') }))).toBe('mongo');
      expect(unreachableDependency(named('ServiceError', 'Failed to connect', { cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'no connection' }) }))).toBe('temporal');
      expect(unreachableDependency(named('TypeError'))).toBeNull();
    });
  });

  describe('OpenAPI', () => {
    it('should document every route of the route table, with its access rule, and serve Swagger UI', async () => {
      // when the document is fetched (no sign-in needed)
      const doc = await request(stack.app).get('/api/openapi.json').expect(200);

      // then it is OpenAPI 3.1 and names every route with its roles and problem answers
      expect(doc.body.openapi).toBe('3.1.0');
      const documented = Object.values(doc.body.paths as Record<string, Record<string, { 'x-sparrow-route': string }>>)
        .flatMap((ops) => Object.values(ops).map((op) => op['x-sparrow-route']))
        .sort();
      expect(documented).toEqual(apiRoutes(stack.client, stack.taskQueue).map(routeName).sort());
      const complete = doc.body.paths['/api/tasks/{id}/complete'].post;
      expect(complete['x-sparrow-access']).toEqual(['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin']);
      expect(complete.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:Idempotency-Key']);
      expect(Object.keys(complete.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '503']));
      expect(complete.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', properties: { variables: { type: 'object' } } });
      const list = doc.body.paths['/api/tasks'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['mine', 'myGroups', 'street', 'status', 'dueBefore', 'minPriority', 'sort', 'page', 'size']));

      // and Swagger UI is served with its assets
      const page = await request(stack.app).get('/api/docs').expect(200);
      expect(page.text).toContain('/api/docs/swagger-ui-bundle.js');
      await request(stack.app).get('/api/docs/swagger-ui-bundle.js').expect(200);
    });
  });
});
