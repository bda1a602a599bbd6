// The browser tests' process: 占道经营巡查, one user task (现场核查) for group `enforcement` with form `patrol-report`.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiSession } from '../../support/api';

/** The .bpmn file the owner imports. */
export const STALL_PATROL_BPMN = path.join(__dirname, '../fixtures/stall-patrol.bpmn');
/** The form-js schema of the user task's form. */
export const PATROL_REPORT_FORM = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/patrol-report.form.json'), 'utf8')) as Record<string, unknown>;

/** Saves the task's form as `session` (a process owner), as the form editor would; saving it again changes nothing. */
export async function savePatrolReportForm(session: ApiSession): Promise<void> {
  const res = await session.put('/api/forms/patrol-report', { schema: PATROL_REPORT_FORM, name: '巡查核查表' });
  if (res.status !== 201 && res.status !== 200) throw new Error(`saving form patrol-report answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** Saves the form and deploys the process as `session` (a process owner). */
export async function deployStallPatrol(session: ApiSession): Promise<void> {
  await savePatrolReportForm(session);
  await session.post('/api/deployments', { xml: fs.readFileSync(STALL_PATROL_BPMN, 'utf8'), note: 'e2e' }).expect(201);
}
