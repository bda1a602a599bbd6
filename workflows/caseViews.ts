// What a case shows outside its workflow, derived from the engine state: the summary row and the state query's view.
import type { CaseSummary } from '../contracts/activities';
import { activeElementsOf, type CaseState, currentElementsOf, isCurrentState, openTasksOf, processVariablesOf } from './caseEngine';
import type { ExecutableModel } from '../engine/model';
import type { BpmnProcessInput, CaseStateView } from './definitions';
import { waitingEventsOf } from './waitingEvents';

/** The case's statutory clocks and calendar version (legal time), for the summary row and the query; none without them. */
function legalTimeOf(state: CaseState): { clocks?: CaseSummary['clocks']; calendarVersion?: number } {
  if (!isCurrentState(state)) return {};
  return { ...(state.clocks ? { clocks: Object.values(state.clocks) } : {}), ...(state.calendar ? { calendarVersion: state.calendar.version } : {}) };
}

/**
 * The case's summary row: `incident` while a running case has an open incident; the signals and messages it may wait
 * for; its clocks and calendar version.
 */
export function caseSummaryOf(state: CaseState, model: ExecutableModel): CaseSummary {
  const incidentCount = Object.keys(state.incidents).length;
  const currentElements = currentElementsOf(state);
  const waiting = waitingEventsOf(model, state.status === 'running', currentElements);
  return {
    status: state.status === 'running' && incidentCount > 0 ? 'incident' : state.status,
    currentElements,
    incidentCount,
    waitingSignals: waiting.signals,
    waitingMessages: waiting.messages,
    endedAt: state.endedAt,
    ...legalTimeOf(state),
  };
}

/** The state query's answer: the engine state plus the lists the designer and the server read. */
export function caseStateView(input: BpmnProcessInput, state: CaseState): CaseStateView {
  return {
    status: state.status,
    definition: input.definition,
    businessKey: input.businessKey,
    activeElements: activeElementsOf(state),
    openTasks: openTasksOf(state),
    incidents: Object.values(state.incidents),
    completed: state.completed,
    takenFlows: state.takenFlows,
    variables: processVariablesOf(state),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    cancelReason: state.cancelReason,
    ...legalTimeOf(state),
  };
}
