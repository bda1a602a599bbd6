// The interpreter's contract: its JSON state, the events fed to it and the commands it asks the workflow to run.
import type { AuditEntry, UserTaskSpec, Variables } from '../../../contracts/caseData';

// What a step hands out (variables, opened tasks, audit entries) is defined in contracts/, for the activities and the API.
export type { AuditEntry, UserTaskSpec, Variables };

/** A token: one thread of control sitting on one node of one scope instance. */
export interface Token {
  id: string;
  nodeId: string;
  scopeId: string;
  /** The flow the token arrived by (undefined for a start event). */
  viaFlow?: string;
  /** Local variables of the element the token is in (from input mappings). */
  locals?: Variables;
  enteredAt: string;
}

/** An instance of a variable scope: the process itself or one run of an embedded subprocess. */
export interface ScopeInstance {
  id: string;
  /** The subprocess node this scope belongs to; null for the process. */
  nodeId: string | null;
  parentId: string | null;
  /** The token (in the parent scope) that sits on the subprocess node; null for the process. */
  tokenId: string | null;
  variables: Variables;
}

/** What a waiting token waits for. */
export type Wait =
  /** `holder`: who holds the open task (its assignee when it opens; then claims, unclaims and assigns); null: no one. */
  | { kind: 'userTask'; tokenId: string; taskId: string; holder: string | null }
  | { kind: 'job'; tokenId: string; jobType: string }
  | { kind: 'timer'; tokenId: string; dueAt: string }
  | { kind: 'message'; tokenId: string; name: string; correlationKey: string };

/** A problem that stops one token until someone resolves it; the rest of the case goes on. */
export interface Incident {
  id: string;
  tokenId: string;
  elementId: string;
  kind: 'jobFailed' | 'expression' | 'noMatchingFlow' | 'loopGuard' | 'variables';
  message: string;
  createdAt: string;
  /** Set when the element had done its work and failed while completing: resolving completes it again with this result. */
  completing?: { result: Variables };
}

/** An element instance that finished (kept for the case's timeline and the diagram's path). */
export interface CompletedElement {
  elementId: string;
  tokenId: string;
  startedAt: string;
  endedAt: string;
}

/** The whole interpreter state; plain JSON, so it can be queried, hashed and carried over by continue-as-new. */
export interface EngineState {
  status: 'running' | 'completed' | 'cancelled';
  /** The workflow id of the case; part of every user-task id. */
  instanceId: string;
  /** Counter for ids of tokens, scopes, waits and incidents: deterministic, no randomness. */
  seq: number;
  rootScopeId: string;
  tokens: Record<string, Token>;
  scopes: Record<string, ScopeInstance>;
  /** Waits keyed by their id (a task id for user tasks). */
  waits: Record<string, Wait>;
  /** Arrivals at joining gateways, keyed by `<scopeId>/<gatewayId>`: the tokens waiting there. */
  joins: Record<string, string[]>;
  incidents: Record<string, Incident>;
  completed: CompletedElement[];
  takenFlows: string[];
  startedAt: string;
  endedAt?: string;
  cancelReason?: string;
}

/** Who caused an event: a user, or the system (timers, workers). */
export type Actor = string;

/** An input to the interpreter; `at` is the workflow's deterministic clock (ISO 8601). */
export type EngineEvent =
  | { type: 'start'; at: string; actor: Actor; instanceId: string; variables: Variables }
  /** `holder`: who the caller saw holding the task (null: no one); refused when someone else holds it. Absent: not checked. */
  | { type: 'taskCompleted'; at: string; actor: Actor; taskId: string; variables: Variables; holder?: string | null }
  /** The actor takes an open task that no one else holds. */
  | { type: 'taskClaimed'; at: string; actor: Actor; taskId: string }
  /** The actor gives the task back, if `holder` (as the actor saw it) still holds it. */
  | { type: 'taskUnclaimed'; at: string; actor: Actor; taskId: string; holder: string }
  /** The actor (a dispatcher) gives the open task to `assignee`, replacing any claim. */
  | { type: 'taskAssigned'; at: string; actor: Actor; taskId: string; assignee: string }
  | { type: 'jobCompleted'; at: string; waitId: string; variables: Variables }
  | { type: 'jobFailed'; at: string; waitId: string; message: string }
  | { type: 'timerFired'; at: string; waitId: string }
  | { type: 'messageCorrelated'; at: string; actor: Actor; waitId: string; variables: Variables }
  | { type: 'incidentResolved'; at: string; actor: Actor; incidentId: string }
  | { type: 'cancel'; at: string; actor: Actor; reason: string };

/** Side effects the interpreter asks the workflow to perform (the workflow turns them into activities and timers). */
export type Command =
  | { type: 'openUserTask'; task: UserTaskSpec; variables: Variables }
  | { type: 'closeUserTask'; taskId: string; outcome: 'completed' | 'cancelled'; actor: Actor }
  /** Who holds an open task changed (null: no one). */
  | { type: 'setTaskHolder'; taskId: string; holder: string | null; actor: Actor }
  | {
      type: 'runJob';
      waitId: string;
      elementId: string;
      jobType: string;
      retries: number;
      headers: Record<string, string>;
      variables: Variables;
    }
  | { type: 'cancelJob'; waitId: string }
  | { type: 'startTimer'; waitId: string; elementId: string; dueAt: string; delayMs: number }
  | { type: 'cancelTimer'; waitId: string };

/** What one step of the interpreter produced. */
export interface StepResult {
  state: EngineState;
  commands: Command[];
  audit: AuditEntry[];
}
