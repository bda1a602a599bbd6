// Scenario 4: restart the API server (SIGKILL, then SIGTERM): a signed-in cookie session still works afterwards (reads
// and CSRF-checked writes), and a case started before the restarts is completed after them.
import { ApiUser, enc } from '../api';
import { AnswerLog, completeTask, PROCESSES, prepare, startCase } from '../driver';
import { progress, type ScenarioResult, secondsSince } from '../report';
import type { FaultStack } from '../stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the scenario on a fresh stack. */
export async function apiRestart(stack: FaultStack): Promise<ScenarioResult> {
  const name = 'api-restart';
  const people = await prepare(stack);
  const log = new AnswerLog();
  const problems: string[] = [];
  const staff = await ApiUser.login(stack.baseUrl, 'bajiao-staff');
  const id = await startCase(staff, log, PROCESSES.chain, `restart-${process.pid}`);
  const restarts: Array<{ signal: string; seconds: number; me: number; meUser: string | null; tasks: number }> = [];
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    const began = Date.now();
    await stack.server.restart(signal);
    const me = await staff.get('/api/me');
    const tasks = await staff.get(`/api/tasks?instanceId=${enc(id)}`);
    restarts.push({ signal, seconds: secondsSince(began), me: me.status, meUser: me.body?.username ?? null, tasks: tasks.status });
    progress(name, `server restarted (${signal}) in ${secondsSince(began)} s; GET /api/me with the old cookie: ${me.status} ${me.body?.username ?? ''}`);
    if (me.status !== 200 || me.body?.username !== 'bajiao-staff') problems.push(`after ${signal}: GET /api/me answered ${me.status} ${JSON.stringify(me.body).slice(0, 200)}`);
    if (tasks.status !== 200) problems.push(`after ${signal}: GET /api/tasks answered ${tasks.status}`);
  }
  // A CSRF-checked write with the session from before the restarts: complete the case's task.
  let taskId: string | undefined;
  for (let i = 0; i < 60 && !taskId; i += 1) {
    const answer = await staff.get(`/api/tasks?instanceId=${enc(id)}&status=open`);
    taskId = answer.body?.items?.[0]?.id;
    if (!taskId) await sleep(1000);
  }
  if (!taskId) problems.push('the case\'s task never appeared');
  else await completeTask(staff, log, taskId).catch((error: Error) => problems.push(error.message));
  let status = '';
  for (let i = 0; i < 60 && status !== 'completed'; i += 1) {
    status = (await staff.get(`/api/instances/${enc(id)}`)).body?.status ?? '';
    if (status !== 'completed') await sleep(1000);
  }
  if (status !== 'completed') problems.push(`the case started before the restarts ended ${status || 'unknown'}`);
  const logout = await staff.post('/api/auth/logout');
  const afterLogout = await staff.get('/api/me');
  if (afterLogout.status !== 401) problems.push(`after sign-out the old cookie answered ${afterLogout.status}`);
  void people;
  return {
    scenario: name,
    passed: problems.length === 0 && log.defects === 0,
    summary: `2 server restarts (SIGKILL ${restarts[0]?.seconds} s, SIGTERM ${restarts[1]?.seconds} s): the old session answered /api/me ${restarts.map((r) => r.me).join('/')}, task completed with it, case ${status}; logout ${logout.status} then ${afterLogout.status}; problems ${problems.length}`,
    details: { restarts, caseStatus: status, answers: log.byStatus, logout: logout.status, afterLogout: afterLogout.status, problems },
  };
}
