// Shared by the audit specs and scripts/record-audit-exports.ts: the audit fixture process, its job, and a case driven
// through every kind of step (a person's form, a failing job, an incident resolved by someone else, a gateway, a
// second person's form) to its end.
import path from 'node:path';
import type { JobType } from '../../activities/jobs';
import type { Variables } from '../../engine/interpreter/types';
import { resolveIncidentUpdate } from '../../workflows/definitions';
import { type CaseUnderTest, runCase } from '../support/cases';
import { testJob } from '../support/jobs';
import type { TestStack } from '../support/stack';

/** The audit fixture: register (user task) → check the address (job) → confirmed? → handle on site (user task) → end. */
export const AUDIT_FIXTURE = path.join(__dirname, 'fixtures', 'audit-case.bpmn');

const failedOnce = new Set<string>();

/** The address check fails on its first run of each case (an incident), then answers. */
export const checkAddress: JobType = testJob('audit.check-address', async ({ jobKey }) => {
  if (!failedOnce.has(jobKey)) {
    failedOnce.add(jobKey);
    throw new Error('the address registry is unavailable');
  }
  return { addressValid: true, district: '石景山' };
});

/** What the people of the handled case submit. */
export const REGISTRATION: Variables = { confirmed: true, location: '八角北路 12 号', note: '占道经营，已拍照' };
export const HANDLING: Variables = { outcome: '已劝离', photos: 2 };

/** Starts a case of the fixture (deploying it), with `extra` start variables, and waits at the Register task. */
export function startAuditCase(stack: TestStack, businessKey: string, extra: Variables = {}): Promise<CaseUnderTest> {
  return runCase(stack, AUDIT_FIXTURE, { variables: { reportNo: businessKey, source: '12345 热线', ...extra }, businessKey });
}

/** Drives a started case to its end: wang registers, the check fails, li resolves the incident, zhao handles it. */
export async function driveToEnd(c: CaseUnderTest): Promise<void> {
  await c.completeTask('Register', REGISTRATION, 'wang');
  const stopped = await c.until((s) => s.incidents.length > 0, 'the address-check incident');
  await c.handle.executeUpdate(resolveIncidentUpdate, { args: [{ incidentId: stopped.incidents[0].id, actor: 'li' }] });
  await c.completeTask('Handle', HANDLING, 'zhao');
  const result = await c.result();
  if (result.status !== 'completed') throw new Error(`the case ended ${result.status}`);
}

/** A case run to its end (all its writes done: the workflow awaits them before it completes). */
export async function handledCase(stack: TestStack, businessKey: string): Promise<CaseUnderTest> {
  const c = await startAuditCase(stack, businessKey);
  await driveToEnd(c);
  return c;
}
