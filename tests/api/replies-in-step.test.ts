// Issue 10, defect 0: a sign-in returned another user's account. Mixed load on the real stack (sign-ins, refused
// deployments, API tokens, task completion, session sweeps), checking that every answer is the one asked for.
import mongoose from 'mongoose';
import request from 'supertest';
import { sweepExpiredSessions } from '../../server/auth/sessionSweep';
import { UnacknowledgedWriteRefused } from '../../store/mongoReplyGuard';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, enc, login, startApiStack } from '../support/api';
import { deployFixtures, inspectionCase } from './fixtures';

const USERS = ['admin', 'bajiao-staff', 'lugu-staff', 'bajiao-commander', 'lugu-owner', 'auditor', 'bajiao-resident', 'owner'];
const REFUSED_XML = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="broken" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="Nowhere"/></bpmn:process></bpmn:definitions>';

describe('replies stay in step under mixed load', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Signs `username` in and checks that the answer, and /api/me after it, name that user. */
  async function signInChecked(username: string): Promise<string[]> {
    const agent = request.agent(stack.app);
    const res = await agent.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    if (res.status !== 200) return [`login ${username}: ${res.status}`];
    const me = await agent.get('/api/me');
    const wrong = [res.body.username, me.body.username].filter((u) => u !== username);
    return wrong.map((u) => `login ${username} answered ${u}`);
  }

  it('should refuse the unacknowledged write that used to put a connection out of step (the old session sweep)', async () => {
    // when the app's connection is asked for a w:0 delete, as connect-mongo's interval sweep sent
    const sweep = mongoose.connection.collection('sessions').deleteMany({ expires: { $lt: new Date() } }, { writeConcern: { w: 0 } });

    // then the driver refuses it, and sign-ins right after it answer the user who signed in
    await expect(sweep).rejects.toBeInstanceOf(UnacknowledgedWriteRefused);
    const wrong: string[] = [];
    for (let round = 0; round < 5; round += 1) for (const username of USERS) wrong.push(...(await signInChecked(username)));
    expect(wrong).toEqual([]);
  });

  it('should sweep expired sessions with acknowledged deletes and keep live ones', async () => {
    // given one live and one expired session row
    const sessions = mongoose.connection.collection<{ _id: string; expires: Date; session: string }>('sessions');
    await sessions.insertMany([
      { _id: 'expired-session', expires: new Date(Date.now() - 60_000), session: '{}' },
      { _id: 'live-session', expires: new Date(Date.now() + 60_000), session: '{}' },
    ]);

    // when the sweep runs, then it reports and removes exactly the expired one
    expect(await sweepExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await sessions.findOne({ _id: 'expired-session' })).toBeNull();
    expect(await sessions.findOne({ _id: 'live-session' })).not.toBeNull();
  });

  it('should answer every request of a mixed load with what that request asked for', async () => {
    // given open tasks to complete and a sweep running all along
    const staff = await login(stack.app, 'bajiao-staff');
    const tasks = await Promise.all(Array.from({ length: 6 }, () => inspectionCase(staff)));
    let sweeping = true;
    const sweeps = (async () => {
      while (sweeping) {
        await sweepExpiredSessions();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const owner = await login(stack.app, 'owner');

    const signIns = async () => (await Promise.all(USERS.map(signInChecked))).flat();
    const refusedDeployments = async () => {
      const res = await owner.post('/api/deployments', { xml: REFUSED_XML });
      return res.status === 422 && JSON.stringify(res.body).includes('Nowhere') ? [] : [`refused deployment answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`];
    };
    const tokenRoundTrip = async (username: string) => {
      const user = await login(stack.app, username);
      const created = await user.post('/api/me/tokens', { name: `stress ${username}` });
      if (created.status !== 201) return [`token for ${username}: ${created.status}`];
      const me = await request(stack.app).get('/api/me').set('Authorization', `Bearer ${created.body.token}`);
      const listed = await user.get('/api/me/tokens');
      const deleted = await user.delete(`/api/me/tokens/${enc(created.body.id)}`);
      const problems: string[] = [];
      if (me.body.username !== username) problems.push(`token of ${username} signed in as ${me.body.username ?? me.status}`);
      if (!listed.body.items?.some((t: { id: string }) => t.id === created.body.id)) problems.push(`token list of ${username} lacks its token`);
      if (deleted.status !== 204) problems.push(`token delete of ${username}: ${deleted.status}`);
      return problems;
    };
    const completion = async (taskId: string) => {
      const res = await staff.post(`/api/tasks/${enc(taskId)}/complete`, { variables: { verdict: 'confirmed' } });
      return res.status === 200 ? [] : [`complete ${taskId}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`];
    };

    // when sign-ins, refused deployments, token round trips and completions run at once, three rounds
    const problems: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const results = await Promise.all([
        signIns(),
        refusedDeployments(),
        refusedDeployments(),
        tokenRoundTrip('bajiao-commander'),
        tokenRoundTrip('lugu-staff'),
        completion(tasks[round * 2].taskId),
        completion(tasks[round * 2 + 1].taskId),
      ]);
      problems.push(...results.flat());
    }
    sweeping = false;
    await sweeps;

    // then every answer was the one asked for
    expect(problems).toEqual([]);
  });
});
