// What a case shows outside its workflow, derived from the engine state: the summary row and the state query's view.
import type { CaseSummary } from '../contracts/activities';
import { type EngineState, own } from '../engine/interpreter';
import type { BpmnProcessInput, CaseStateView } from './definitions';

/** The case's summary row: `incident` while a running case has an open incident. */
export function caseSummaryOf(state: EngineState): CaseSummary {
  return {
    status: state.status === 'running' && Object.keys(state.incidents).length > 0 ? 'incident' : state.status,
    currentElements: [...new Set(Object.values(state.tokens).map((t) => t.nodeId))],
    incidentCount: Object.keys(state.incidents).length,
    endedAt: state.endedAt,
  };
}

/** The state query's answer: the engine state plus the lists the designer and the server read. */
export function caseStateView(input: BpmnProcessInput, state: EngineState): CaseStateView {
  return {
    status: state.status,
    definition: input.definition,
    businessKey: input.businessKey,
    activeElements: Object.values(state.tokens).map((t) => ({ elementId: t.nodeId, tokenId: t.id, since: t.enteredAt })),
    openTasks: Object.values(state.waits).flatMap((w) => (w.kind === 'userTask' ? [w.taskId] : [])),
    incidents: Object.values(state.incidents),
    completed: state.completed,
    takenFlows: state.takenFlows,
    variables: own(state.scopes, state.rootScopeId)?.variables ?? {},
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    cancelReason: state.cancelReason,
  };
}
