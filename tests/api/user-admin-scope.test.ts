// User administration by street (issue 10, defect 2): a street admin manages only the users of its own streets and
// grants only those streets; only a district admin grants `admin` or `*`, or manages a district admin; nobody changes
// their own roles or streets. Readers (admins, auditors) see only the users of their streets.
import request from 'supertest';
import { User } from '../../store/models';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, startApiStack } from '../support/api';
import { uniqueKey } from './fixtures';

type UserRow = { username: string; streets: string[] };

describe('user administration by street', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const newUser = (extra: { roles?: string[]; streets?: string[] }) => ({ username: uniqueKey('scoped').toLowerCase(), displayName: '新用户', password: 'a-long-password', ...extra });

  it('should refuse a street admin creating an admin, a district-wide user, another street\'s user or a street-less user, and store none of them', async () => {
    // given the admin of street bajiao
    const streetAdmin = await stack.as('bajiao-admin');

    // when it creates users beyond its reach
    const attempts = [
      { body: newUser({ roles: ['admin'], streets: ['*'] }), code: 'district-admin-only' },
      { body: newUser({ roles: ['admin'], streets: ['bajiao'] }), code: 'district-admin-only' },
      { body: newUser({ roles: ['enforcement-staff'], streets: ['*'] }), code: 'district-admin-only' },
      { body: newUser({ roles: ['enforcement-staff'], streets: ['lugu'] }), code: 'street-out-of-scope' },
      { body: newUser({ roles: ['enforcement-staff'], streets: ['bajiao', 'lugu'] }), code: 'street-out-of-scope' },
      { body: newUser({ roles: ['enforcement-staff'] }), code: 'street-out-of-scope' },
    ];
    for (const { body, code } of attempts) {
      const res = await streetAdmin.post('/api/users', body);

      // then each is a 403 problem naming the reason, and no user was stored
      expect({ streets: body.streets, roles: body.roles, status: res.status, code: res.body.code }).toEqual({ streets: body.streets, roles: body.roles, status: 403, code });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toEqual(expect.any(String));
      expect(await User.exists({ _id: body.username })).toBeNull();
    }

    // and a user of its own street is created
    const own = newUser({ roles: ['enforcement-staff'], streets: ['bajiao'] });
    await streetAdmin.post('/api/users', own).expect(201);
  });

  it('should let only a district admin grant the role admin and the whole district', async () => {
    const districtAdmin = await stack.as('admin');
    const created = await districtAdmin.post('/api/users', newUser({ roles: ['admin'], streets: ['*'] })).expect(201);
    expect(created.body).toMatchObject({ roles: ['admin'], streets: ['*'] });
    await districtAdmin.post('/api/users', newUser({ roles: ['admin'], streets: ['lugu'] })).expect(201);
  });

  it('should refuse a street admin resetting the password of, editing or disabling a district admin or another street\'s user, and change nothing', async () => {
    // given the admin of street bajiao
    const streetAdmin = await stack.as('bajiao-admin');
    const before = await User.find({ _id: { $in: ['admin', 'lugu-admin', 'lugu-staff'] } }).lean();

    // when it resets passwords, edits and disables users outside its streets
    const attempts = [
      { username: 'admin', body: { password: 'taken-over-password' }, code: 'district-admin-only' },
      { username: 'admin', body: { disabled: true }, code: 'district-admin-only' },
      { username: 'lugu-admin', body: { password: 'taken-over-password' }, code: 'street-out-of-scope' },
      { username: 'lugu-staff', body: { displayName: '改名' }, code: 'street-out-of-scope' },
      { username: 'lugu-staff', body: { disabled: true }, code: 'street-out-of-scope' },
    ];
    for (const { username, body, code } of attempts) {
      const res = await streetAdmin.patch(`/api/users/${username}`, body);
      expect({ username, body, status: res.status, code: res.body.code }).toEqual({ username, body, status: 403, code });
    }

    // then the users are unchanged and the old passwords still work
    expect(await User.find({ _id: { $in: ['admin', 'lugu-admin', 'lugu-staff'] } }).lean()).toEqual(before);
    await request(stack.app).post('/api/auth/login').send({ username: 'lugu-admin', password: DEMO_PASSWORD }).expect(200);
  });

  it('should refuse a street admin moving its users to another street, or making them admins or district-wide', async () => {
    // given a user of street bajiao, created by the street admin
    const streetAdmin = await stack.as('bajiao-admin');
    const target = newUser({ roles: ['enforcement-staff'], streets: ['bajiao'] });
    await streetAdmin.post('/api/users', target).expect(201);

    // when the street admin widens it
    const attempts = [
      { body: { streets: ['lugu'] }, code: 'street-out-of-scope' },
      { body: { streets: ['bajiao', 'lugu'] }, code: 'street-out-of-scope' },
      { body: { streets: [] }, code: 'street-out-of-scope' },
      { body: { streets: ['*'] }, code: 'district-admin-only' },
      { body: { roles: ['enforcement-staff', 'admin'] }, code: 'district-admin-only' },
    ];
    for (const { body, code } of attempts) {
      const res = await streetAdmin.patch(`/api/users/${target.username}`, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 403, code });
    }

    // then it is unchanged, and changes inside the street are allowed (a password reset, another role, disabling)
    const row = await streetAdmin.get(`/api/users/${target.username}`).expect(200);
    expect(row.body).toMatchObject({ roles: ['enforcement-staff'], streets: ['bajiao'] });
    await streetAdmin.patch(`/api/users/${target.username}`, { password: 'another-long-password', roles: ['street-commander'], disabled: true }).expect(200);
  });

  it('should refuse anyone changing their own roles or streets, while their display name stays editable', async () => {
    // given a district admin and a street admin
    const districtAdmin = await stack.as('admin');
    const streetAdmin = await stack.as('bajiao-admin');

    // when each changes its own roles or streets
    const attempts = [
      { session: districtAdmin, body: { roles: ['admin', 'auditor'] } },
      { session: districtAdmin, body: { streets: ['bajiao'] } },
      { session: streetAdmin, body: { streets: ['bajiao', 'lugu'] } },
      { session: streetAdmin, body: { roles: ['admin', 'process-owner'] } },
    ];
    for (const { session, body } of attempts) {
      const res = await session.patch(`/api/users/${session.username}`, body);

      // then it is refused
      expect({ who: session.username, body, status: res.status, code: res.body.code }).toEqual({ who: session.username, body, status: 403, code: 'own-roles-or-streets' });
    }

    // and sending one's unchanged roles and streets with a new display name is fine
    await streetAdmin.patch('/api/users/bajiao-admin', { displayName: '八角街道系统管理员', roles: ['admin'], streets: ['bajiao'] }).expect(200);
    const self = await User.findById('bajiao-admin').lean();
    expect(self).toMatchObject({ roles: ['admin'], streets: ['bajiao'] });
  });

  it('should list and show a street admin or auditor only the users of its streets', async () => {
    for (const reader of ['bajiao-admin', 'bajiao-auditor']) {
      // given a reader of street bajiao
      const session = await stack.as(reader);

      // when it lists users
      const list = await session.get('/api/users?size=200').expect(200);

      // then only users whose streets are all bajiao are listed, and the total counts only them
      const rows = list.body.items as UserRow[];
      expect(rows.map((u) => u.username)).toEqual(expect.arrayContaining(['bajiao-staff', 'bajiao-admin']));
      expect(rows.filter((u) => u.streets.length === 0 || u.streets.some((s) => s !== 'bajiao'))).toEqual([]);
      expect(list.body.total).toBe(rows.length);
      expect((await session.get('/api/users?street=lugu').expect(200)).body).toMatchObject({ items: [], total: 0 });

      // and another street's user or a district user is a 403 naming the reason
      for (const other of ['lugu-staff', 'admin']) {
        const res = await session.get(`/api/users/${other}`).expect(403);
        expect(res.body.code).toBe('street-out-of-scope');
        expect(res.body.detail).toContain(other);
      }
      await session.get('/api/users/bajiao-staff').expect(200);
    }

    // and a district admin lists everyone
    const all = await (await stack.as('admin')).get('/api/users?size=200').expect(200);
    expect(all.body.items.map((u: UserRow) => u.username)).toEqual(expect.arrayContaining(['admin', 'bajiao-staff', 'lugu-staff']));
  });
});
