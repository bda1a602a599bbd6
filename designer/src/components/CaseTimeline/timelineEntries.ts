// The steps of a case so far, from its workflow state: finished element runs and the ones still active (pure).
import type { CompletedElement } from '../../api/instances';

/** One step of the timeline. */
export interface TimelineEntry {
  elementId: string;
  tokenId: string;
  /** The element's name in the diagram; null when it has none (pages then name its kind in plain words, never its id). */
  label: string | null;
  /** The element's kind (`userTask`, `startEvent`, …) when the model names it. */
  kind: string | null;
  startedAt: string;
  /** Null while the step is still active. */
  endedAt: string | null;
}

/** The parts of the case state the timeline reads. */
export interface TimelineState {
  completed?: readonly CompletedElement[];
  activeElements: ReadonlyArray<{ elementId: string; tokenId: string; since: string }>;
}

/** Names and kinds of the model's nodes, keyed by element id (`triggeredByEvent`: an event subprocess). */
export type NodeInfo = Readonly<Record<string, { name?: string | null; kind?: string; triggeredByEvent?: boolean } | undefined>>;

/** The kind a step shows: the node's, an event subprocess told apart from a subprocess. */
const kindOf = (node: NodeInfo[string]) => (node?.triggeredByEvent === true ? 'eventSubProcess' : (node?.kind ?? null));

/** The nodes of a compiled model (`versionView.model.nodes`), or none when the model has no such map. */
export function nodeInfoOf(model: Record<string, unknown> | undefined): NodeInfo {
  const nodes = model?.nodes;
  return typeof nodes === 'object' && nodes !== null ? (nodes as NodeInfo) : {};
}

/** Finished steps then active ones, each group in start order (ties keep the state's order). */
export function timelineEntries(state: TimelineState, nodes: NodeInfo): TimelineEntry[] {
  const entry = (elementId: string, tokenId: string, startedAt: string, endedAt: string | null): TimelineEntry => ({
    elementId,
    tokenId,
    label: nodes[elementId]?.name?.trim() || null,
    kind: kindOf(nodes[elementId]),
    startedAt,
    endedAt,
  });
  const byStart = (a: TimelineEntry, b: TimelineEntry) => Date.parse(a.startedAt) - Date.parse(b.startedAt);
  const done = (state.completed ?? []).map((c) => entry(c.elementId, c.tokenId, c.startedAt, c.endedAt)).sort(byStart);
  const active = state.activeElements.map((a) => entry(a.elementId, a.tokenId, a.since, null)).sort(byStart);
  return [...done, ...active];
}
