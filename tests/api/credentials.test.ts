// Credentials that end (issue 10, defects 11 and 15): a password reset, a change of roles, streets or groups and
// disabling end the user's sessions and bearer tokens (a credential version checked on every request); tokens expire
// (90 days by default, at most 365); a bearer token cannot mint tokens; failed sign-ins are limited per address too.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createLogger } from '../../platform/logger';
import { ApiToken, User } from '../../store/models';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiSession, type ApiStack, login, startApiStack } from '../support/api';
import { uniqueKey } from './fixtures';

const DAY_MS = 86_400_000;

describe('credentials that end', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const bearer = (token: string) => request(stack.app).get('/api/me').set('Authorization', `Bearer ${token}`);
  const sessionRows = async (username: string) =>
    (await mongoose.connection.db!.collection('sessions').find({}).toArray()).filter((s) => typeof s.session === 'string' && s.session.includes(`"username":"${username}"`));

  /** A new bajiao enforcement user, signed in, with a bearer token made from the session. */
  async function signedInUser(): Promise<{ username: string; session: ApiSession; token: string }> {
    const admin = await stack.as('admin');
    const username = uniqueKey('cred').toLowerCase();
    await admin.post('/api/users', { username, displayName: '凭据测试', password: 'first-long-password', roles: ['enforcement-staff'], groups: ['enforcement'], streets: ['bajiao'] }).expect(201);
    const session = await login(stack.app, username, 'first-long-password');
    const token = (await session.post('/api/me/tokens', { name: 'script' }).expect(201)).body.token as string;
    await session.get('/api/me').expect(200);
    await bearer(token).expect(200);
    return { username, session, token };
  }

  describe('credential version', () => {
    it.each<[string, ...object[]]>([
      ['a password reset', { password: 'second-long-password' }],
      ['a change of roles', { roles: ['street-commander'] }],
      ['a change of streets', { streets: ['lugu'] }],
      ['a change of groups', { groups: ['command-center'] }],
      ['disabling and enabling again', { disabled: true }, { disabled: false }],
    ])('should end every session and bearer token of the user on %s', async (_what, ...changes) => {
      // given a signed-in user with a bearer token
      const { username, session, token } = await signedInUser();
      expect(await sessionRows(username)).toHaveLength(1);

      // when an admin changes their credentials
      const admin = await stack.as('admin');
      for (const change of changes) await admin.patch(`/api/users/${username}`, change).expect(200);

      // then the session answers 401 and is removed from the store, and the token is refused
      expect((await session.get('/api/me').expect(401)).body.code).toBe('unauthenticated');
      expect(await sessionRows(username)).toHaveLength(0);
      expect((await bearer(token).expect(401)).body.code).toBe('invalid-token');
    });

    it('should keep sessions and tokens on a change that is no credential (display name, unchanged roles)', async () => {
      const { username, session, token } = await signedInUser();
      const admin = await stack.as('admin');
      await admin.patch(`/api/users/${username}`, { displayName: '新名字', roles: ['enforcement-staff'], streets: ['bajiao'] }).expect(200);
      expect((await session.get('/api/me').expect(200)).body.displayName).toBe('新名字');
      await bearer(token).expect(200);
    });

    it('should let a user sign in with the new password after a reset, and stored users and tokens without a version count as version 0', async () => {
      // given a user and a token stored before credential versions existed
      const { username, session, token } = await signedInUser();
      await User.collection.updateOne({ _id: username as never }, { $unset: { credentialVersion: '' } });
      await ApiToken.collection.updateMany({ username }, { $unset: { credentialVersion: '' } });

      // then the session and the token still work
      await session.get('/api/me').expect(200);
      await bearer(token).expect(200);

      // when the password is reset, both end, and the new password signs in
      await (await stack.as('admin')).patch(`/api/users/${username}`, { password: 'second-long-password' }).expect(200);
      await session.get('/api/me').expect(401);
      await bearer(token).expect(401);
      await request(stack.app).post('/api/auth/login').send({ username, password: 'first-long-password' }).expect(401);
      const again = await login(stack.app, username, 'second-long-password');
      await again.get('/api/me').expect(200);
    });
  });

  describe('token expiry', () => {
    it('should give a token 90 days by default, allow at most 365 and refuse more with the field named', async () => {
      const staff = await stack.as('bajiao-staff');
      const byDefault = (await staff.post('/api/me/tokens', { name: 'default expiry' }).expect(201)).body;
      expect(Date.parse(byDefault.expiresAt) - Date.parse(byDefault.createdAt)).toBe(90 * DAY_MS);
      const longest = (await staff.post('/api/me/tokens', { name: 'a year', expiresInDays: 365 }).expect(201)).body;
      expect(Date.parse(longest.expiresAt) - Date.parse(longest.createdAt)).toBe(365 * DAY_MS);
      const tooLong = await staff.post('/api/me/tokens', { name: 'ten years', expiresInDays: 3650 }).expect(400);
      expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: 'body.expiresInDays' })]);
    });

    it('should refuse an expired token, and a stored token without expiry once it is older than 365 days', async () => {
      // given a token that has expired, and two tokens stored without expiry (one recent, one 366 days old)
      const staff = await stack.as('bajiao-staff');
      const expired = (await staff.post('/api/me/tokens', { name: 'expired' }).expect(201)).body;
      await ApiToken.updateOne({ tokenId: expired.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      const stored = async (ageDays: number) => {
        const token = `spw_${uniqueKey('legacy')}`;
        const createdAt = new Date(Date.now() - ageDays * DAY_MS);
        await ApiToken.collection.insertOne({ _id: createHash('sha256').update(token).digest('hex') as never, tokenId: uniqueKey('id'), username: 'bajiao-staff', name: 'legacy', createdAt, expiresAt: null, lastUsedAt: null });
        return token;
      };
      const recent = await stored(10);
      const old = await stored(366);

      // then the expired and the old one are refused, the recent one works
      expect((await bearer(expired.token).expect(401)).body.code).toBe('invalid-token');
      expect((await bearer(old).expect(401)).body.code).toBe('invalid-token');
      await bearer(recent).expect(200);
    });
  });

  it('should refuse creating a token with a bearer token (403) and create none', async () => {
    // given a token made from a session
    const commander = await stack.as('bajiao-commander');
    const { token } = (await commander.post('/api/me/tokens', { name: 'parent' }).expect(201)).body;
    const before = await ApiToken.countDocuments({ username: 'bajiao-commander' });

    // when a script uses it to mint another
    const res = await request(stack.app).post('/api/me/tokens').set('Authorization', `Bearer ${token}`).send({ name: 'child' });

    // then it is a 403 naming the reason, and no token was stored
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('session-required');
    expect(res.body.detail).toMatch(/sign/i);
    expect(await ApiToken.countDocuments({ username: 'bajiao-commander' })).toBe(before);
  });

  describe('sign-in limits', () => {
    it('should limit failed sign-ins per address across usernames (50 per window by default), then refuse even a right password', async () => {
      // given an app of its own (its limiters count from zero)
      const app = createApp({ client: stack.client, connection: stack.env.connection, taskQueue: stack.taskQueue, log: createLogger('test', 'silent'), designerDir: '/nonexistent' });
      const attempt = (username: string, password: string) => request(app).post('/api/auth/login').send({ username, password });

      // when one address sprays a password over 50 usernames (none reaching the per-username limit)
      for (let i = 0; i < 50; i += 1) expect((await attempt(`spray-${i}`, 'sparrow-guess')).status).toBe(401);

      // then the next attempt is refused with 429, whatever the username, even with the right password
      const blocked = await attempt('bajiao-staff', DEMO_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('too-many-attempts');
      expect(blocked.body.detail).toMatch(/address/);
      expect(blocked.headers['retry-after']).toBeDefined();
    });

    it('should not count successful sign-ins against the address', async () => {
      const app = createApp({ client: stack.client, connection: stack.env.connection, taskQueue: stack.taskQueue, log: createLogger('test', 'silent'), designerDir: '/nonexistent', loginIpRateLimit: { windowMs: 60_000, limit: 3 } });
      const attempt = (username: string, password: string) => request(app).post('/api/auth/login').send({ username, password });
      for (let i = 0; i < 5; i += 1) await attempt('bajiao-staff', DEMO_PASSWORD).expect(200);
      for (let i = 0; i < 3; i += 1) await attempt(`nobody-${i}`, 'wrong').expect(401);
      await attempt('bajiao-staff', DEMO_PASSWORD).expect(429);
    });
  });
});
