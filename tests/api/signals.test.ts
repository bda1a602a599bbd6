// POST /api/signals: a signal reaches the running cases of the caller's streets that wait for it, and no others.
import { type ApiStack, enc, startApiStack } from '../support/api';
import { instanceOf } from '../support/cases';
import { eventually } from '../support/wait';
import { deployFixtures, signalCase } from './fixtures';

describe('POST /api/signals', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should deliver a signal to the waiting cases of the caller\'s streets only, each going on with its variables', async () => {
    // given two bajiao cases and one lugu case waiting for "storm-warning" (a boundary event on their patrol task)
    const admin = await stack.as('admin');
    const bajiao = [await signalCase(admin), await signalCase(admin)].sort();
    const lugu = await signalCase(admin, 'lugu');

    // when bajiao's commander sends the signal
    const commander = await stack.as('bajiao-commander');
    const res = await commander.post('/api/signals', { name: 'storm-warning', variables: { level: 'red' } }).expect(200);

    // then both bajiao cases got it and ended through the boundary path; the lugu case still waits
    expect(res.body).toEqual({ name: 'storm-warning', delivered: 2, cases: bajiao, next: null });
    for (const id of bajiao) {
      const c = await commander.get(`/api/instances/${enc(id)}`).expect(200);
      expect(c.body.state).toMatchObject({ status: 'completed', variables: { level: 'red' } });
      expect(c.body.state.completed.map((e: { elementId: string }) => e.elementId)).toEqual(expect.arrayContaining(['Storm', 'Sheltered']));
    }
    const stillWaiting = await admin.get(`/api/instances/${enc(lugu)}`).expect(200);
    expect(stillWaiting.body.state.openTasks).toHaveLength(1);
    await eventually(() => instanceOf(bajiao[0]).then((r) => (r?.status === 'completed' ? r : undefined)), 'the summary completed');
    expect((await instanceOf(bajiao[0]))?.waitingSignals).toEqual([]);

    // and sending it again reaches no bajiao case
    expect((await commander.post('/api/signals', { name: 'storm-warning' }).expect(200)).body).toEqual({ name: 'storm-warning', delivered: 0, cases: [], next: null });
    await admin.post(`/api/instances/${enc(lugu)}/cancel`, { reason: 'test over' }).expect(200);
  });

  it('should answer delivered 0 for a signal no case waits for, and continue after the case id given as `after`', async () => {
    // given a waiting lugu case
    const admin = await stack.as('admin');
    const id = await signalCase(admin, 'lugu');

    // when admin sends a signal nobody waits for, and "storm-warning" after that case's id
    const nobody = await admin.post('/api/signals', { name: 'no-such-signal' }).expect(200);
    const after = await admin.post('/api/signals', { name: 'storm-warning', after: id }).expect(200);

    // then neither reached it; sent without `after`, it does
    expect(nobody.body).toEqual({ name: 'no-such-signal', delivered: 0, cases: [], next: null });
    expect(after.body).toMatchObject({ delivered: 0, cases: [] });
    expect((await admin.post('/api/signals', { name: 'storm-warning' }).expect(200)).body).toMatchObject({ delivered: 1, cases: [id] });
  });

  it('should refuse a role that may not send signals (403) and a bad body (400), delivering nothing', async () => {
    // given a waiting bajiao case
    const admin = await stack.as('admin');
    const id = await signalCase(admin);

    // when enforcement staff sends the signal, and the commander sends one without a name or with variables that are no object
    const staff = await stack.as('bajiao-staff');
    const commander = await stack.as('bajiao-commander');
    const refused = await staff.post('/api/signals', { name: 'storm-warning' }).expect(403);
    const noName = await commander.post('/api/signals', { name: '  ' }).expect(400);
    const badVariables = await commander.post('/api/signals', { name: 'storm-warning', variables: [1] }).expect(400);

    // then each is refused with its problem and the case still waits
    expect(refused.body.code).toBe('forbidden');
    expect(noName.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.name']);
    expect(badVariables.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.variables']);
    const state = await admin.get(`/api/instances/${enc(id)}`).expect(200);
    expect(state.body.state.openTasks).toHaveLength(1);
    await admin.post(`/api/instances/${enc(id)}/cancel`, { reason: 'test over' }).expect(200);
  });
});
