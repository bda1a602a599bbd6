// The auditor's step model (pure): for each business step of a case's timeline, where the tokens were, what had been
// done and taken, and the variables as they were — replayed from the audit chain (what each row's kind does to the
// tokens: contracts/auditKinds.ts) and the timeline's recorded values.
import { auditKindMeaning } from '../../../../contracts/auditKinds';
import type { AuditRow, TimelineStep } from '../../api/audit';

/** A variable's value at a step: known from the history, or only its hash (the chain holds hashes, not values). */
export type VariableAtStep = { known: true; value: unknown } | { known: false; hash: string };

/** One token: the element it stood on. */
export interface TokenAt {
  tokenId: string;
  elementId: string;
}

/** One position of the step slider. */
export interface AuditStep {
  /** 1-based position among the steps. */
  position: number;
  step: TimelineStep;
  /** The chain seq whose state the diagram shows (the step's first row: the token arriving). */
  tokenSeq: number;
  /** The chain seq whose state the variables show (the step's last row: after what it changed). */
  variablesSeq: number;
  tokens: TokenAt[];
  /** Elements left by `tokenSeq`. */
  done: string[];
  /** Flows taken by `tokenSeq`. */
  taken: string[];
  variables: Record<string, VariableAtStep>;
  /** Names of the variables this step changed. */
  changed: string[];
}

/** A flow of the model: its id and the elements it joins. */
export interface FlowEnds {
  id: string;
  source: string;
  target: string;
}

interface RecordedChange {
  seq: number;
  changes: Array<{ name: string; newHash: string }>;
  values: Record<string, unknown>;
}

const changesOf = (step: TimelineStep): RecordedChange[] => (Array.isArray(step.data.variablesChanged) ? (step.data.variablesChanged as RecordedChange[]) : []);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tokens standing after row `seq`, in the order they arrived (rows in seq order). */
export function tokensAt(rows: readonly AuditRow[], seq: number): TokenAt[] {
  const tokens = new Map<string, string>();
  for (const row of rows) {
    if (row.seq > seq) break;
    const meaning = auditKindMeaning(row.kind);
    if (meaning?.effect === 'opens' && meaning.step === 'element' && row.tokenId && row.elementId) tokens.set(row.tokenId, row.elementId);
    else if (meaning?.effect === 'ends' && meaning.step === 'element' && row.tokenId) tokens.delete(row.tokenId);
    else if (meaning?.effect === 'ends' && meaning.step === 'case') tokens.clear();
  }
  return [...tokens].map(([tokenId, elementId]) => ({ tokenId, elementId }));
}

/** The start variables and every recorded change up to row `seq`, applied in seq order. */
export function variablesAt(timeline: readonly TimelineStep[], seq: number): Record<string, VariableAtStep> {
  const variables: Record<string, VariableAtStep> = {};
  const start = timeline.find((s) => s.elementKind === 'case')?.data.variables;
  if (isObject(start)) for (const [name, value] of Object.entries(start)) variables[name] = { known: true, value };
  const changes = timeline.flatMap(changesOf).filter((c) => c.seq <= seq).sort((a, b) => a.seq - b.seq);
  for (const recorded of changes) {
    for (const change of recorded.changes) {
      variables[change.name] = Object.prototype.hasOwnProperty.call(recorded.values ?? {}, change.name) ? { known: true, value: recorded.values[change.name] } : { known: false, hash: change.newHash };
    }
  }
  return variables;
}

/** What the diagram marks after row `seq`: elements left, and flows from a left element to one entered after it. */
export function pathAt(rows: readonly AuditRow[], seq: number, flows: readonly FlowEnds[]): { done: string[]; taken: string[] } {
  const firstLeft = new Map<string, number>();
  const lastEntered = new Map<string, number>();
  for (const row of rows) {
    if (row.seq > seq || !row.elementId) continue;
    const meaning = auditKindMeaning(row.kind);
    if (meaning?.step !== 'element') continue;
    // a token that passed the element (not one withdrawn from it) marks it done
    if (meaning.effect === 'ends' && meaning.endsAs === 'completed' && !firstLeft.has(row.elementId)) firstLeft.set(row.elementId, row.seq);
    if (meaning.effect === 'opens') lastEntered.set(row.elementId, row.seq);
  }
  const taken = flows.filter((flow) => (firstLeft.get(flow.source) ?? Infinity) < (lastEntered.get(flow.target) ?? -Infinity));
  return { done: [...firstLeft.keys()], taken: taken.map((flow) => flow.id) };
}

/**
 * The slider's positions, one per timeline step. The diagram shows the tokens just after the step's first row
 * (its token arriving), the variables are those after its last row (including what it changed). `takenFlows`, the
 * case's own list when known, keeps a flow between two visited elements from being marked when the case never took it.
 */
export function auditSteps(timeline: readonly TimelineStep[], rows: readonly AuditRow[], flows: readonly FlowEnds[], takenFlows?: readonly string[]): AuditStep[] {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const candidates = takenFlows ? flows.filter((flow) => takenFlows.includes(flow.id)) : flows;
  return timeline
    .filter((step) => step.auditSeqs.length > 0)
    .map((step, i) => {
      const tokenSeq = Math.min(...step.auditSeqs);
      const variablesSeq = step.elementKind === 'case' ? tokenSeq : Math.max(...step.auditSeqs);
      return {
        position: i + 1,
        step,
        tokenSeq,
        variablesSeq,
        tokens: tokensAt(sorted, tokenSeq),
        ...pathAt(sorted, tokenSeq, candidates),
        variables: variablesAt(timeline, variablesSeq),
        changed: [...new Set(changesOf(step).flatMap((c) => c.changes.map((change) => change.name)))],
      };
    });
}

/** The position of the step a chain row belongs to (undefined when none does). */
export function positionOfSeq(steps: readonly AuditStep[], seq: number): number | undefined {
  return steps.find((s) => s.step.auditSeqs.includes(seq))?.position;
}
