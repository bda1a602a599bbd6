// The browser tests' process: 占道经营巡查, one user task (现场核查) for group `enforcement` with form `patrol-report`;
// its variant with a start form (`patrol-start`), a description and starters (enforcement staff and commanders).
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

/** The form-js schema of the variant's start form: 地点 (required), 优先级, 拟罚款金额, 办结时限. */
export const PATROL_START_FORM = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/patrol-start.form.json'), 'utf8')) as Record<string, unknown>;
/** The variant's description (its process documentation). */
export const STALL_PATROL_DESCRIPTION = '接到占道经营上报后发起：执法队员到场核查，劝离、责令整改或立案处罚。';

/** The process XML with a start form on 收到占道经营上报, a description, and only enforcement staff and commanders as starters. */
export function stallPatrolWithStartForm(): string {
  return fs
    .readFileSync(STALL_PATROL_BPMN, 'utf8')
    .replace('xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"', 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:sparrow="urn:sparrow:bpmn:1.0"')
    .replace(
      '<bpmn:process id="stall-patrol" name="占道经营巡查" isExecutable="true">',
      `<bpmn:process id="stall-patrol" name="占道经营巡查" isExecutable="true"><bpmn:documentation>${STALL_PATROL_DESCRIPTION}</bpmn:documentation><bpmn:extensionElements><sparrow:starters names="enforcement-staff, street-commander" /></bpmn:extensionElements>`,
    )
    .replace('<bpmn:startEvent id="Start_Report" name="收到占道经营上报">', '<bpmn:startEvent id="Start_Report" name="收到占道经营上报"><bpmn:extensionElements><zeebe:formDefinition formId="patrol-start" /></bpmn:extensionElements>');
}

/** Saves both forms (as the form editor would) and deploys the variant with the start form as `session` (a process owner). */
export async function deployStallPatrolWithStartForm(session: ApiSession): Promise<void> {
  await savePatrolReportForm(session);
  const res = await session.put('/api/forms/patrol-start', { schema: PATROL_START_FORM, name: '巡查上报' });
  if (res.status !== 201 && res.status !== 200) throw new Error(`saving form patrol-start answered ${res.status}: ${JSON.stringify(res.body)}`);
  await session.post('/api/deployments', { xml: stallPatrolWithStartForm(), note: 'e2e: start form' }).expect(201);
}

/** Saves the form and deploys the process as `session` (a process owner). */
export async function deployStallPatrol(session: ApiSession): Promise<void> {
  await savePatrolReportForm(session);
  await session.post('/api/deployments', { xml: fs.readFileSync(STALL_PATROL_BPMN, 'utf8'), note: 'e2e' }).expect(201);
}
