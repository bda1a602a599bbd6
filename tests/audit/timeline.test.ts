// The timeline builder (pure): every audit entry kind lands on a step; a task's claims, unclaims and assignments show
// on its step with who did them and who held the task after.
import { AUDIT_ENTRY_KINDS } from '../../contracts/auditKinds';
import type { HistoryFacts } from '../../audit/historyFacts';
import { buildTimeline, type TimelineEntry } from '../../audit/timeline';

const TOKEN = 't1';
const TASK = 'case-1/Register/t1';

/** The facts of a case with one user task, Register, completed by li with `{ confirmed: true }`. */
const facts = {
  workflowId: 'case-1',
  input: {
    model: { name: 'Report', nodes: { Register: { id: 'Register', kind: 'userTask', name: 'Register the report' } } },
    variables: { reportNo: 'R-1' },
  },
  updates: [{ eventId: 20, at: '2026-01-01T00:05:00.000Z', name: 'completeTask', request: { taskId: TASK, variables: { confirmed: true } } }],
  activities: [],
  completedLocalActivities: new Set<number>(),
  closed: null,
} as unknown as HistoryFacts;

/** Entries numbered from 1, a minute apart. */
function numbered(entries: Array<Omit<TimelineEntry, 'seq' | 'at'>>): TimelineEntry[] {
  return entries.map((entry, i) => ({ ...entry, seq: i + 1, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
}

describe('the audit timeline', () => {
  it('should show who claimed, unclaimed and assigned a task, and to whom, on the task\'s step', () => {
    // given
    const entries = numbered([
      { kind: 'instance.started', actor: 'wang', data: { variablesHash: 'h0' } },
      { kind: 'element.entered', actor: 'wang', elementId: 'Register', tokenId: TOKEN },
      { kind: 'task.opened', actor: 'system', elementId: 'Register', tokenId: TOKEN, data: { taskId: TASK } },
      { kind: 'task.claimed', actor: 'zhao', elementId: 'Register', tokenId: TOKEN, data: { taskId: TASK, previous: null, assignee: 'zhao' } },
      { kind: 'task.unclaimed', actor: 'zhao', elementId: 'Register', tokenId: TOKEN, data: { taskId: TASK, previous: 'zhao', assignee: null } },
      { kind: 'task.assigned', actor: 'admin', elementId: 'Register', tokenId: TOKEN, data: { taskId: TASK, previous: null, assignee: 'li' } },
      { kind: 'task.completed', actor: 'li', elementId: 'Register', tokenId: TOKEN, data: { taskId: TASK, variablesHash: 'h1' } },
      { kind: 'element.left', actor: 'li', elementId: 'Register', tokenId: TOKEN },
      { kind: 'instance.completed', actor: 'li' },
    ]);

    // when
    const [caseStep, register] = buildTimeline(entries, facts);

    // then
    expect(register).toMatchObject({ elementId: 'Register', status: 'completed', actor: 'li', auditSeqs: [2, 3, 4, 5, 6, 7, 8] });
    expect(register.data.holderChanges).toEqual([
      { seq: 4, change: 'claimed', by: 'zhao', at: entries[3].at, previous: null, assignee: 'zhao' },
      { seq: 5, change: 'unclaimed', by: 'zhao', at: entries[4].at, previous: 'zhao', assignee: null },
      { seq: 6, change: 'assigned', by: 'admin', at: entries[5].at, previous: null, assignee: 'li' },
    ]);
    expect(register.data.submitted).toEqual({ confirmed: true });
    expect(caseStep).toMatchObject({ elementKind: 'case', status: 'completed', auditSeqs: [1, 9] });
  });

  it('should place an entry of every kind on a step, none dropped', () => {
    // given: one entry of each kind on the token's step (the case's own kinds open and end the case)
    const entries = numbered([
      { kind: 'instance.started', actor: 'wang' },
      { kind: 'element.entered', actor: 'wang', elementId: 'Register', tokenId: TOKEN },
      ...AUDIT_ENTRY_KINDS.filter((kind) => !['instance.started', 'element.entered', 'element.left', 'instance.completed', 'instance.cancelled'].includes(kind)).map((kind) => ({
        kind,
        actor: 'wang',
        elementId: 'Register',
        tokenId: TOKEN,
        data: { taskId: TASK },
      })),
      { kind: 'element.left', actor: 'wang', elementId: 'Register', tokenId: TOKEN },
      { kind: 'instance.completed', actor: 'wang' },
    ]);

    // when
    const steps = buildTimeline(entries, facts);

    // then
    expect(steps.flatMap((s) => s.auditSeqs).sort((a, b) => a - b)).toEqual(entries.map((e) => e.seq));
  });
});
