// Parent and child chains of call activities: each child case keeps its own audit chain; the parent's `child.completed`
// entry records the child's final chain head, checked here against the child's stored chain.
import { findInstanceAnywhere } from '../store/instances';
import { AuditEvent, auditRowId } from '../store/models';
import type { ChainRow } from './chain';

/** A child case a call activity of this case started, and whether the head the parent recorded is the child's chain's end. */
export interface ChildChainLink {
  instanceId: string;
  elementId: string;
  /** The child's final head as the parent recorded it (null while the child runs, or when it did not complete). */
  recordedHead: { lastSeq: number; hash: string } | null;
  /** True: the child's chain ends with exactly that link; false: it does not (or is gone); null: nothing recorded yet. */
  matches: boolean | null;
}

/** The case's calling case (a child case's) and the child chains its call activities started, each checked. */
export interface ChainLinks {
  parent: { instanceId: string; elementId: string } | null;
  children: ChildChainLink[];
}

const dataOf = (row: ChainRow): Record<string, unknown> => {
  try {
    return row.dataJson ? (JSON.parse(row.dataJson) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Whether the child's chain ends with the recorded head: the row at lastSeq has that hash and no row follows it. */
async function endsWith(childId: string, head: { lastSeq: number; hash: string }): Promise<boolean> {
  const [row, later] = await Promise.all([AuditEvent.findById(auditRowId(childId, head.lastSeq), { hash: 1 }).lean(), AuditEvent.exists({ _id: auditRowId(childId, head.lastSeq + 1) })]);
  return row?.hash === head.hash && !later;
}

/** Links a case's chain (its rows, in seq order) to its parent's and its children's chains. */
export async function chainLinksOf(instanceId: string, rows: ChainRow[]): Promise<ChainLinks> {
  const children = new Map<string, ChildChainLink>();
  for (const row of rows) {
    if (row.kind !== 'child.started' && row.kind !== 'child.completed') continue;
    const data = dataOf(row);
    const childId = typeof data.childInstanceId === 'string' ? data.childInstanceId : undefined;
    if (!childId) continue;
    const link = children.get(childId) ?? { instanceId: childId, elementId: row.elementId ?? '', recordedHead: null, matches: null };
    const head = data.auditHead as { lastSeq?: unknown; hash?: unknown } | undefined;
    if (row.kind === 'child.completed' && typeof head?.lastSeq === 'number' && typeof head.hash === 'string') link.recordedHead = { lastSeq: head.lastSeq, hash: head.hash };
    children.set(childId, link);
  }
  await Promise.all([...children.values()].map(async (link) => (link.matches = link.recordedHead ? await endsWith(link.instanceId, link.recordedHead) : null)));
  const summary = await findInstanceAnywhere(instanceId);
  const parent = summary?.parentInstanceId ? { instanceId: summary.parentInstanceId, elementId: summary.parentElementId ?? '' } : null;
  return { parent, children: [...children.values()] };
}
