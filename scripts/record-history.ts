// Records the Temporal histories replayed by tests/engine/replay.test.ts: runs each fixture of tests/histories/fixtures
// as a case on a real Temporal dev server (and a private FerretDB) and writes the completed workflow's history as
// tests/histories/<name>.v1.json. Run with `npx tsx scripts/record-history.ts` after a change that is meant to alter
// histories (bump the version in the file name and keep the old files, so old histories keep replaying).
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import type { JobType } from '../activities/jobs';
import { BPMN_ERROR_TYPE, type ExternalJobInput } from '../contracts/activities';
import { type CaseUnderTest, refusalOf, runCase } from '../tests/support/cases';
import { fetchAllRuns, runsOf } from '../audit/runs';
import type { TestStack } from '../tests/support/stack';
import {
  assignTaskUpdate,
  type BpmnProcessInput,
  changeClockUpdate,
  claimTaskUpdate,
  completeTaskUpdate,
  setVariablesUpdate,
  stateQuery,
  type TaskHolderView,
  unclaimTaskUpdate,
  updateCalendarUpdate,
} from '../workflows/definitions';
import type { WorkCalendar } from '../contracts/legalTime';
import { localDateOf, nextWorkingDay } from '../engine/calendar/workCalendar';
import { readBaseSchedule } from '../server/services/calendarBase';
import { buildCalendar } from '../server/services/calendars';
import { runScript, withRecordingStack, writeRecording } from './lib/recordingStack';
import { deploy } from '../server/services/definitions';
import { Instance, MessageBuffer, Task } from '../store/models';
import { eventually } from '../tests/support/wait';

const HISTORIES = path.resolve(__dirname, '../tests/histories');
const VERSION = 'v2';

/** One recorded case: its fixture, start variables, how it is driven to its end and how it ends (default completed). */
interface Recording {
  name: string;
  variables: Record<string, unknown>;
  drive(c: CaseUnderTest, stack: TestStack): Promise<void>;
  ends?: 'completed' | 'cancelled';
  /** Limits of the case (e.g. a low maxHistoryEvents, so it continues as new). */
  limits?: BpmnProcessInput['limits'];
  /** The working-day calendar the case starts with (legal time). */
  calendar?: WorkCalendar;
  /** The file's version suffix when it is not VERSION (a history first recorded after VERSION was set). */
  version?: string;
}

const dispatchedOnce = new Set<string>();

/** Job types of the fixtures; the dispatch job fails its first activation, so the case gets an incident to resolve. */
const jobTypes: JobType[] = [
  job('history.check-address', async () => ({ valid: true })),
  job('history.check-owner', async ({ headers }) => ({ ownerFound: headers.registry === 'property' })),
  job('history.flaky-dispatch', async ({ jobKey, variables }) => {
    if (!dispatchedOnce.has(jobKey)) {
      dispatchedOnce.add(jobKey);
      throw new Error('the dispatch service is unavailable');
    }
    return { dispatchedTo: `team for ${String(variables.localCase)}` };
  }),
  job('history.check-permit', async () => {
    throw ApplicationFailure.nonRetryable('no permit on file', BPMN_ERROR_TYPE, 'PERMIT_MISSING');
  }),
  job('history.tick', async ({ variables }) => ({ n: Number(variables.n) + 1 })),
  job('history.dispatch-with-permit', async ({ variables }) => {
    if (!variables.permitNo) throw ApplicationFailure.nonRetryable('no permit number on file');
    return { dispatchedTo: `team ${String(variables.team)} (permit ${String(variables.permitNo)})` };
  }),
  job('history.notify-signer', async ({ variables }) => ({ notice: `${String(variables.signer)}: ${String(variables.opinion ?? 'not needed')}` })),
];

/** Waits for a claim, unclaim or assign and checks who holds the task after it. */
async function holds(answer: Promise<TaskHolderView>, assignee: string | null): Promise<void> {
  const view = await answer;
  if (view.assignee !== assignee) throw new Error(`task ${view.taskId} is held by ${view.assignee}, not ${assignee}`);
}

/** Waits for an update the workflow must refuse and says why it did. */
async function refused(update: Promise<unknown>): Promise<void> {
  console.log(`refused: ${await refusalOf(update)}`);
}

function job(type: string, handler: JobType['handler']): JobType {
  return { type, title: { 'zh-CN': type, en: type }, description: { 'zh-CN': '回放历史作业', en: 'history recording job' }, handler };
}

const recordings: Recording[] = [
  {
    name: 'user-task-exclusive-gateway',
    variables: { reportNo: 'R-1' },
    drive: async (c) => void (await c.completeTask('Review', { approved: true, reviewer: 'wang' }, 'wang')),
  },
  { name: 'parallel-service-tasks', variables: { applicant: 'li' }, drive: async () => undefined },
  {
    name: 'timer-and-message',
    variables: { caseNo: 'C-7' },
    async drive(c) {
      await c.until((s) => s.activeElements.some((a) => a.elementId === 'Inspected'), 'the message catch after the timer');
      await c.correlate('inspection-done', 'C-7', { inspector: 'zhao' });
    },
  },
  {
    name: 'subprocess-incident',
    variables: { caseNo: 'C-9' },
    async drive(c) {
      const state = await c.until((s) => s.incidents.length > 0, 'the dispatch incident');
      await c.resolveIncident(state.incidents[0].id);
    },
  },
  {
    // issue 11: claims, unclaims and assignments (accepted, refused, and a claim by the holder, which records nothing);
    // the committed file was recorded by the workflow that kept the holders beside the engine state, before they moved into it
    name: 'task-holders',
    variables: { siteNo: 'S-3' },
    async drive(c) {
      const inspect = await c.openTaskId('Inspect');
      const signOff = await c.openTaskId('SignOff');
      const claim = (taskId: string, actor: string) => c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
      const unclaim = (taskId: string, holder: string, actor: string) => c.handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId, holder, actor }] });
      const assign = (taskId: string, assignee: string, actor: string) => c.handle.executeUpdate(assignTaskUpdate, { args: [{ taskId, assignee, actor }] });
      const complete = (taskId: string, holder: string | null, actor: string) =>
        c.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables: { checkedBy: actor }, actor, holder }] });
      await holds(claim(inspect, 'wang'), 'wang');
      await refused(claim(inspect, 'li'));
      await holds(claim(inspect, 'wang'), 'wang');
      await refused(unclaim(inspect, 'li', 'li'));
      await holds(unclaim(inspect, 'wang', 'wang'), null);
      await holds(assign(inspect, 'zhao', 'lead'), 'zhao');
      await refused(complete(inspect, 'wang', 'wang'));
      await complete(inspect, 'zhao', 'zhao');
      await refused(claim(inspect, 'zhao'));
      await refused(claim(signOff, 'li'));
      await refused(complete(signOff, null, 'li'));
      await holds(assign(signOff, 'deputy', 'lead'), 'deputy');
      await holds(unclaim(signOff, 'deputy', 'deputy'), null);
      await holds(claim(signOff, 'chief'), 'chief');
      await complete(signOff, 'chief', 'chief');
    },
  },
  {
    // issue 10 (since v2): a condition over the FEEL budget and a due date that is no date are incidents, not a wedged case
    name: 'engine-bounds',
    variables: { n: 2000, deadline: 'next week' },
    ends: 'cancelled',
    async drive(c) {
      await c.until((s) => s.incidents.length === 2, 'the FEEL budget and due date incidents');
      await c.cancel('both steps need a corrected diagram');
    },
  },
  {
    // issue 12 (engine format 2): a non-interrupting message event subprocess beside a user task that an interrupting
    // PT1S boundary timer then withdraws; on the boundary path a job's BpmnError is caught by an error boundary event
    name: 'boundary-and-event-subprocess',
    variables: { caseNo: 'E-12' },
    async drive(c) {
      await c.openTaskId('Review');
      await c.correlate('note-added', 'E-12', { note: 'owner called' });
      await c.completeTask('Escalate', { escalatedBy: 'lead' }, 'lead');
    },
  },
  {
    // issue 13: a parallel 会签 over three signers that two signatures complete (the third task withdrawn), then a
    // sequential multi-instance service task over the same signers collecting a notice each
    name: 'multi-instance',
    variables: { signers: ['ann', 'bob', 'cai'] },
    async drive(c) {
      await c.completeTask('Sign', { opinion: 'agree' }, 'ann');
      await c.completeTask('Sign', { opinion: 'agree, with notes' }, 'bob');
    },
  },
];

/** The runs of a case so far. */
const runCount = async (stack: TestStack, id: string) => runsOf(await fetchAllRuns(stack.client, id)).length;

recordings.push({
  // issue 13: a case that continues as new after 40 events of a run — a loop of 12 jobs beside a user task opened in the
  // first run and completed in the last, and a PT3S timer; the file holds every run, one after the other (audit/runs.ts)
  name: 'continue-as-new',
  variables: { n: 0 },
  limits: { maxHistoryEvents: 40 },
  async drive(c, stack) {
    const review = await c.openTaskId('Review');
    await c.until((s) => s.completed.some((e) => e.elementId === 'Wait'), 'the timer fired');
    if ((await runCount(stack, c.id)) < 3) throw new Error('the case did not continue as new twice');
    await c.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: review, variables: { reviewed: true }, actor: 'wang' }] });
  },
});

recordings.push({
  // issue 13: a call activity — after a user task, the parent starts the child case call-activity-child (deployed by the
  // drive, so the parent's history also holds the lookup of the called process), which a person completes; the output
  // mapping takes the child's verdict. The file is the parent's history (the child's is its own workflow).
  name: 'call-activity',
  variables: { site: { name: 'Dock 7' } },
  async drive(c) {
    await deploy({ xml: fs.readFileSync(path.join(HISTORIES, 'fixtures', 'call-activity-child.bpmn'), 'utf8'), deployedBy: 'history' });
    await c.completeTask('Prepare', { prepared: true }, 'wang');
    await c.until((s) => s.activeElements.some((a) => a.elementId === 'Visit'), 'the call activity waiting');
    const child = await eventually(() => Instance.findOne({ parentInstanceId: c.id }).lean().then((row) => row ?? undefined), 'the child case');
    const handle = c.handle.client.getHandle(child._id);
    const taskId = await eventually(async () => (await handle.query(stateQuery)).openTasks[0], 'the child task');
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables: { verdict: 'fine' }, actor: 'zhao' }] });
  },
});

/** Version 1 of the working-day calendar as a server makes it from the installed chinese-days package. */
const legalCalendar = buildCalendar(1, readBaseSchedule(), Number(localDateOf(new Date().toISOString()).slice(0, 4)) - 2, []);

recordings.push({
  // issue 14: legal time — 办案期限 (10 working days) starts at the start event and is stopped by the end; task Review is
  // due in 5 working days and its boundary timer fires at the clock's deadline. Calendar version 2 makes the next working
  // day a local day off: the due date and the timer move (timer.rescheduled, task.rescheduled); an extension of 2 days
  // moves the timer again; then Review completes.
  name: 'legal-time',
  version: 'v1',
  variables: {},
  calendar: legalCalendar,
  async drive(c) {
    const review = await c.openTaskId('Review');
    const dueBefore = await eventually(() => Task.findById(review).lean().then((t) => t?.dueDate ?? undefined), 'the due date of Review');
    const dayOff = nextWorkingDay(legalCalendar, localDateOf(new Date().toISOString()));
    const at = new Date();
    const base = readBaseSchedule();
    const version2 = buildCalendar(2, base, legalCalendar.knownFrom, [{ date: dayOff, working: false, note: '区级停工（回放）', by: 'history', at }]);
    const before = (await c.state()).clocks?.[0]?.deadline;
    const after = (await c.handle.executeUpdate(updateCalendarUpdate, { args: [{ calendar: version2, actor: 'history' }] })).clocks?.[0]?.deadline;
    if (!before || !after || after <= before) throw new Error(`the calendar update did not move the deadline (${before} -> ${after})`);
    await eventually(() => Task.findById(review).lean().then((t) => (t?.dueDate && t.dueDate.getTime() > dueBefore.getTime() ? t : undefined)), 'the moved due date of Review');
    await c.handle.executeUpdate(changeClockUpdate, { args: [{ clock: '办案期限', action: 'extend', days: 2, reason: '案情复杂', actor: 'lead' }] });
    await c.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: review, variables: { decided: true }, actor: 'wang' }] });
  },
});

recordings.push({
  // issue 16: external job workers — Reverse (type history.external.reverse) fails its first attempt and completes on
  // its second; Publish (history.external.publish) throws the BPMN error NOT_PUBLISHED, caught by its error boundary;
  // each type is served on its task queue jobs.<type> by a worker the drive runs, as a team's own worker would be
  name: 'external-job',
  version: 'v1',
  variables: { text: 'sparrow' },
  async drive(c, stack) {
    const failedOnce = new Set<string>();
    const reverse = async ({ jobKey, variables, headers }: ExternalJobInput) => {
      if (!failedOnce.has(jobKey)) {
        failedOnce.add(jobKey);
        throw new Error('the reverse service is warming up');
      }
      return { reversed: `${[...String(variables.text)].reverse().join('')}${headers.suffix}` };
    };
    const publish = async () => {
      throw ApplicationFailure.nonRetryable('the notice board is full', BPMN_ERROR_TYPE, 'NOT_PUBLISHED', { keptBecause: 'board full' });
    };
    const workers = await Promise.all(
      Object.entries({ 'history.external.reverse': reverse, 'history.external.publish': publish }).map(([type, activity]) =>
        Worker.create({ connection: stack.env.nativeConnection, namespace: stack.env.namespace ?? 'default', taskQueue: `jobs.${type}`, activities: { [type]: activity } }),
      ),
    );
    const running = workers.map((worker) => worker.run());
    try {
      await c.result();
    } finally {
      for (const worker of workers) worker.shutdown();
      await Promise.all(running);
    }
  },
});

recordings.push({
  // issue 16: fix the variable, then resolve the incident — Dispatch (inside subprocess Handle, whose `team` comes from
  // an input mapping) fails without a permit number; a scope that is not active is refused; permitNo is set on the
  // process and team on Handle's scope by hand (variables.set), the incident resolved, and the job runs again with both
  name: 'variable-update',
  variables: { defaultTeam: 'A' },
  async drive(c) {
    const state = await c.until((s) => s.incidents.length > 0, 'the dispatch incident');
    const handle = state.activeElements.find((a) => a.elementId === 'Handle');
    if (!handle) throw new Error('subprocess Handle is not active');
    const set = (variables: Record<string, unknown>, reason: string, scope?: string) =>
      c.handle.executeUpdate(setVariablesUpdate, { args: [{ variables, reason, actor: 'commander', ...(scope ? { scope } : {}) }] });
    await refused(set({ team: 'C' }, 'no such scope', 'e999'));
    await set({ permitNo: 'P-7' }, '补录许可证号');
    await set({ team: 'B' }, '改派 B 组', handle.tokenId);
    await c.resolveIncident(state.incidents[0].id);
  },
});

/** Buffers message `name` for correlation key `key` for 10 minutes, for any street, as POST /api/messages would. */
async function bufferedMessage(name: string, key: string, variables: Record<string, unknown>): Promise<string> {
  const now = new Date();
  const _id = `history-${name}-${key}`;
  await MessageBuffer.create({ _id, name, correlationKey: key, variablesJson: JSON.stringify(variables), anyStreet: true, publishedBy: 'liaison', publishedAt: now, expiresAt: new Date(now.getTime() + 600_000) });
  return _id;
}

recordings.push({
  // issue 16: message buffering and a negative timer — Overdue (-PT1M) fires at once; history-receipt and
  // history-withdraw are buffered before the case reaches the event-based gateway Choose, whose two targets each take
  // one: the first correlated wins and the other is given back (releaseBufferedMessage); after Receipt, Reply gets
  // history-reply by the correlateMessage Update (nothing buffered for it)
  name: 'message-buffer',
  version: 'v1',
  variables: { caseNo: 'MB-1' },
  async drive(c) {
    const ids = [await bufferedMessage('history-receipt', 'MB-1', { receivedBy: 'desk' }), await bufferedMessage('history-withdraw', 'MB-1', { withdrawnBy: 'resident' })];
    await c.completeTask('Prepare');
    const state = await c.until((s) => s.status === 'completed' || s.activeElements.some((a) => a.elementId === 'Reply'), 'a buffered message taken at Choose');
    // the message that lost at Choose is given back to the process
    await eventually(async () => ((await MessageBuffer.find({ _id: { $in: ids }, correlatedProcesses: [] }).lean()).length === 1 ? true : undefined), 'the other message given back');
    if (state.status !== 'completed') await c.correlate('history-reply', 'MB-1', { repliedBy: 'office' });
  },
});

runScript(() =>
  withRecordingStack(jobTypes, async (stack) => {
    // `npx tsx scripts/record-history.ts <name>…` records only the named recordings.
    const only = process.argv.slice(2);
    for (const recording of recordings.filter((r) => only.length === 0 || only.includes(r.name))) {
      const c = await runCase(stack, path.join(HISTORIES, 'fixtures', `${recording.name}.bpmn`), {
        variables: recording.variables,
        businessKey: recording.name,
        limits: recording.limits,
        calendar: recording.calendar,
      });
      await recording.drive(c, stack);
      const result = await c.result();
      const ends = recording.ends ?? 'completed';
      if (result.status !== ends) throw new Error(`${recording.name} ended ${result.status}, not ${ends}`);
      // every run of a case that continued as new, one after the other (one run for the others)
      writeRecording(path.join(HISTORIES, `${recording.name}.${recording.version ?? VERSION}.json`), await fetchAllRuns(stack.client, c.id));
    }
  }),
);
