// The token lifecycle, written once: entering and leaving nodes, scopes, variables, waits, incidents.
// A Runtime mutates a private copy of the state during one step; element behaviours drive it.
import { jsonSha256 } from '../../hash';
import { DEFAULT_FEEL_LIMITS, evaluateCondition, evaluateExpression, FeelError, type FeelLimits } from '../../feel';
import { own } from './own';
import type { ExecutableModel, Mapping, ModelFlow, ModelNode } from '../model';
import type {
  Actor,
  AuditEntry,
  Command,
  EngineState,
  Incident,
  ScopeInstance,
  Token,
  Variables,
  Wait,
} from './types';

/** Limits that keep one case from harming the service. */
export interface EngineLimits {
  /** Largest JSON size of all variables of an instance, in bytes. */
  maxVariableBytes: number;
  /** Most node activations in one step before the loop guard raises an incident. */
  maxStepsWithoutWait: number;
  /** What one FEEL evaluation may do (used when `bounded`). */
  feel: FeelLimits;
  /**
   * The bounds of issue 10: FEEL evaluated within `feel` (an overrun is an incident), due and follow-up dates checked
   * (a non-date is an incident), incidents looked up as own properties. False replays cases recorded before them: the
   * workflow sets it from `patched()` (workflows/patches.ts).
   */
  bounded: boolean;
}

/** One variable a step set, as recorded in a `variables.changed` audit entry. */
export interface VariableChange {
  name: string;
  /** The scope instance the value landed in (the process scope or a subprocess run). */
  scope: string;
  /** sha256 of the RFC 8785 canonical JSON of the previous value; null when the variable is new in that scope. */
  oldHash: string | null;
  newHash: string;
}

/** Default limits: 1 MB of variables, 1,000 steps without a wait state, FEEL's default budget, bounded. */
export const DEFAULT_LIMITS: EngineLimits = { maxVariableBytes: 1_000_000, maxStepsWithoutWait: 1_000, feel: DEFAULT_FEEL_LIMITS, bounded: true };

/** How an element behaves when a token enters it (one implementation per node kind, in engine/elements/). */
export interface ElementBehaviour {
  enter(rt: Runtime, token: Token, node: ModelNode): void;
}

/** Raised by a behaviour to stop the token with an incident instead of failing the case. */
export class IncidentSignal extends Error {
  constructor(
    readonly kind: Incident['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'IncidentSignal';
  }
}

/** One step's working copy of the engine state, with the operations element behaviours use. */
export class Runtime {
  readonly commands: Command[] = [];
  readonly audit: AuditEntry[] = [];
  private readonly ready: string[] = [];
  /** Tokens re-entering their element after an incident was resolved (not a new element instance). */
  private readonly retrying = new Set<string>();
  private activations = 0;

  constructor(
    readonly model: ExecutableModel,
    readonly state: EngineState,
    readonly behaviours: Record<string, ElementBehaviour>,
    readonly limits: EngineLimits,
    readonly at: string,
    readonly actor: Actor,
  ) {}

  /** Next deterministic id with a prefix. */
  nextId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}${this.state.seq}`;
  }

  /** Records an audit entry for this step. */
  record(entry: Omit<AuditEntry, 'at' | 'actor'> & { actor?: Actor }): void {
    this.audit.push({ at: this.at, actor: entry.actor ?? this.actor, ...entry });
  }

  /** Queues a command for the workflow. */
  emit(command: Command): void {
    this.commands.push(command);
  }

  node(id: string): ModelNode {
    const node = own(this.model.nodes, id);
    if (!node) throw new Error(`model has no node <${id}>`);
    return node;
  }

  flow(id: string): ModelFlow {
    const flow = own(this.model.flows, id);
    if (!flow) throw new Error(`model has no flow <${id}>`);
    return flow;
  }

  // ---------- scopes and variables ----------

  /** Creates a scope instance (the process, or one run of a subprocess). */
  createScope(nodeId: string | null, parentId: string | null, tokenId: string | null, variables: Variables): ScopeInstance {
    const scope: ScopeInstance = { id: this.nextId('s'), nodeId, parentId, tokenId, variables };
    this.state.scopes[scope.id] = scope;
    return scope;
  }

  private scopeChain(scopeId: string): ScopeInstance[] {
    const chain: ScopeInstance[] = [];
    for (let s = own(this.state.scopes, scopeId); s; s = s.parentId ? own(this.state.scopes, s.parentId) : undefined) {
      chain.unshift(s);
    }
    return chain;
  }

  /** The variables a token sees: the scope chain from the process down, then the element's locals. */
  contextOf(token: Token, extra?: Variables): Variables {
    const context: Variables = {};
    for (const scope of this.scopeChain(token.scopeId)) Object.assign(context, scope.variables);
    if (token.locals) Object.assign(context, token.locals);
    if (extra) Object.assign(context, extra);
    return context;
  }

  /**
   * Sets variables from scope `scopeId` upward: each lands in the nearest scope that has it, else the process scope.
   * The audit entry names each variable with the scope it landed in and the sha256 of its old value (null when it
   * was new) and of its new value, so "who changed what, when" is answerable without storing the values.
   */
  propagate(scopeId: string, variables: Variables, elementId?: string): void {
    const names = Object.keys(variables);
    if (names.length === 0) return;
    const chain = this.scopeChain(scopeId).reverse();
    const changes: VariableChange[] = [];
    for (const name of names) {
      const target = chain.find((s) => Object.prototype.hasOwnProperty.call(s.variables, name)) ?? chain[chain.length - 1];
      const existed = Object.prototype.hasOwnProperty.call(target.variables, name);
      changes.push({ name, scope: target.id, oldHash: existed ? jsonSha256(target.variables[name]) : null, newHash: jsonSha256(variables[name]) });
      target.variables[name] = variables[name];
    }
    this.record({ kind: 'variables.changed', elementId, data: { names, changes } });
  }

  /** JSON size of all variables of the instance, in bytes (UTF-16 length as an upper-bound proxy). */
  variableBytes(extra?: Variables): number {
    let size = 0;
    for (const scope of Object.values(this.state.scopes)) size += JSON.stringify(scope.variables).length;
    if (extra) size += JSON.stringify(extra).length;
    return size;
  }

  /** Evaluates mappings into a new object (FEEL errors become incidents). */
  evaluateMappings(mappings: Mapping[], context: Variables): Variables {
    const out: Variables = {};
    for (const mapping of mappings) {
      out[mapping.target] = this.evaluate(mapping.source, { ...context, ...out });
    }
    return out;
  }

  /** The FEEL budget of this case: none for cases recorded before it. */
  private feelLimits(): FeelLimits | undefined {
    return this.limits.bounded ? this.limits.feel : undefined;
  }

  /** Evaluates a diagram expression; a FEEL error (an overrun of the budget too) becomes an incident. */
  evaluate(expression: Parameters<typeof evaluateExpression>[0], context: Variables): unknown {
    try {
      return evaluateExpression(expression, context, this.feelLimits());
    } catch (error) {
      if (error instanceof FeelError) throw new IncidentSignal('expression', error.message);
      throw error;
    }
  }

  /** Evaluates a flow condition; a FEEL error becomes an incident. */
  condition(flow: ModelFlow, context: Variables): boolean {
    if (!flow.condition) return true;
    try {
      return evaluateCondition(flow.condition, context, this.feelLimits());
    } catch (error) {
      if (error instanceof FeelError) throw new IncidentSignal('expression', `condition of flow <${flow.id}>: ${error.message}`);
      throw error;
    }
  }

  // ---------- tokens ----------

  /** Places a new token on a node and queues it to enter. */
  spawn(nodeId: string, scopeId: string, viaFlow?: string): Token {
    const token: Token = { id: this.nextId('t'), nodeId, scopeId, viaFlow, enteredAt: this.at };
    this.state.tokens[token.id] = token;
    this.ready.push(token.id);
    return token;
  }

  /**
   * Retries what an incident stopped: an element that had done its work completes again with its result
   * (a finished subprocess re-applies its output mappings); any other element is entered again.
   */
  resolve(incident: Incident): void {
    const token = own(this.state.tokens, incident.tokenId);
    if (!token) return;
    if (!incident.completing) {
      this.retrying.add(token.id);
      this.ready.push(token.id);
      return;
    }
    const inner = Object.values(this.state.scopes).find((s) => s.tokenId === token.id);
    if (inner) this.finishSubprocess(inner);
    else this.finish(token, incident.completing.result);
  }

  /** Runs queued tokens until every token waits or is gone; then fires, one at a time, inclusive joins that can get no more tokens. */
  run(): void {
    for (;;) {
      while (this.ready.length > 0) {
        const token = own(this.state.tokens, this.ready.shift() as string);
        if (token) this.activate(token);
      }
      if (!this.fireSettledInclusiveJoin()) return;
    }
  }

  private activate(token: Token): void {
    const node = this.node(token.nodeId);
    this.activations += 1;
    if (this.activations > this.limits.maxStepsWithoutWait) {
      this.raiseIncident(
        token,
        'loopGuard',
        `more than ${this.limits.maxStepsWithoutWait} steps without a wait state; stopped at <${node.id}>`,
      );
      return;
    }
    const behaviour = this.behaviourOf(node);
    if (!this.retrying.delete(token.id)) this.record({ kind: 'element.entered', elementId: node.id, tokenId: token.id });
    try {
      if (node.inputs?.length && node.kind !== 'subProcess') {
        token.locals = this.evaluateMappings(node.inputs, this.contextOf({ ...token, locals: undefined }));
      }
      behaviour.enter(this, token, node);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(token, error.kind, error.message);
      else throw error;
    }
  }

  private behaviourOf(node: ModelNode): ElementBehaviour {
    const behaviour = own(this.behaviours, node.kind);
    if (!behaviour) throw new Error(`no behaviour registered for element kind ${node.kind} <${node.id}>`);
    return behaviour;
  }

  /** Marks a token as waiting for something outside the engine. */
  wait(waitId: string, wait: Wait): void {
    this.state.waits[waitId] = wait;
  }

  /** Finds the wait a token is in, if any. */
  waitOf(tokenId: string): [string, Wait] | undefined {
    return Object.entries(this.state.waits).find(([, w]) => w.tokenId === tokenId);
  }

  /**
   * Completes the element a token is on: applies output mappings (or propagates `result`, except variables
   * that are locals of the element, which stay local as in Camunda 8), records it, and moves the token along
   * its outgoing flows (all unconditional ones, conditional ones that hold, else the default flow; none of
   * them → incident). A node without outgoing flows simply ends its token. Nothing changes before it can fail.
   */
  leave(token: Token, result: Variables = {}, flows?: string[]): void {
    const node = this.node(token.nodeId);
    const outputs = node.kind === 'subProcess' ? undefined : node.outputs;
    const produced = outputs?.length ? this.evaluateMappings(outputs, this.contextOf(token, result)) : withoutLocals(result, token.locals);
    if (this.variableBytes(produced) > this.limits.maxVariableBytes) {
      throw new IncidentSignal('variables', `variables of the instance would exceed ${this.limits.maxVariableBytes} bytes (set by <${node.id}>)`);
    }
    const chosen = flows ?? this.outgoingFlows(token, node, produced);
    this.propagate(token.scopeId, produced, node.id);
    this.complete(token);
    this.take(token, chosen);
  }

  /** Leaves with the result of the element's work; a failure becomes an incident whose resolution completes it again (the work is not redone). */
  finish(token: Token, result: Variables): void {
    try {
      this.leave(token, result);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(token, error.kind, error.message, { result });
      else throw error;
    }
  }

  private outgoingFlows(token: Token, node: ModelNode, produced: Variables): string[] {
    const context = this.contextOf(token, produced);
    const chosen = node.outgoing.filter((id) => id !== node.defaultFlow && this.condition(this.flow(id), context));
    if (chosen.length === 0 && node.defaultFlow) return [node.defaultFlow];
    if (chosen.length === 0 && node.outgoing.length > 0) {
      throw new IncidentSignal('noMatchingFlow', `<${node.id}> has no outgoing flow whose condition holds and no default flow`);
    }
    return chosen;
  }

  /** Records that the element a token was on has finished. */
  complete(token: Token): void {
    this.state.completed.push({ elementId: token.nodeId, tokenId: token.id, startedAt: token.enteredAt, endedAt: this.at });
    this.record({ kind: 'element.left', elementId: token.nodeId, tokenId: token.id });
  }

  /** Moves a token along the given flows: it is consumed and one new token starts on each flow's target. */
  take(token: Token, flowIds: string[]): void {
    this.consume(token);
    for (const id of flowIds) {
      const flow = this.flow(id);
      this.state.takenFlows.push(id);
      this.spawn(flow.target, token.scopeId, id);
    }
    if (flowIds.length === 0) this.settleScope(token.scopeId);
  }

  /** Removes a token (and its wait and incidents) without moving it on. */
  consume(token: Token): void {
    delete this.state.tokens[token.id];
    const wait = this.waitOf(token.id);
    if (wait) delete this.state.waits[wait[0]];
    for (const incident of Object.values(this.state.incidents)) {
      if (incident.tokenId === token.id) delete this.state.incidents[incident.id];
    }
  }

  /** Ends a token here (end events): it is consumed and its scope completes when it was the last one. */
  end(token: Token): void {
    this.complete(token);
    this.consume(token);
    this.settleScope(token.scopeId);
  }

  private tokensIn(scopeId: string): Token[] {
    return Object.values(this.state.tokens).filter((t) => t.scopeId === scopeId);
  }

  /** Completes a scope that has no tokens left: the process completes, or the subprocess's token leaves. */
  settleScope(scopeId: string): void {
    if (this.tokensIn(scopeId).length > 0 || this.ready.some((id) => own(this.state.tokens, id)?.scopeId === scopeId)) return;
    const scope = own(this.state.scopes, scopeId);
    if (!scope || this.state.status !== 'running') return;
    if (scope.parentId === null) {
      this.state.status = 'completed';
      this.state.endedAt = this.at;
      this.record({ kind: 'instance.completed' });
      return;
    }
    this.finishSubprocess(scope);
  }

  /** Leaves a subprocess whose scope has no tokens left; on an incident its scope is kept, so resolving it finishes again (it does not re-run). */
  private finishSubprocess(scope: ScopeInstance): void {
    const token = scope.tokenId ? own(this.state.tokens, scope.tokenId) : undefined;
    const node = scope.nodeId ? own(this.model.nodes, scope.nodeId) : undefined;
    if (!token || !node) return;
    try {
      const produced = node.outputs?.length ? this.evaluateMappings(node.outputs, this.contextOf({ ...token, scopeId: scope.id })) : {};
      delete this.state.scopes[scope.id];
      this.leave(token, produced);
    } catch (error) {
      if (!(error instanceof IncidentSignal)) throw error;
      this.state.scopes[scope.id] = scope;
      this.raiseIncident(token, error.kind, error.message, { result: {} });
    }
  }

  /** Ends every token of a scope and the scopes nested in it, cancelling what they wait for. */
  clearScope(scopeId: string, actor: Actor): void {
    for (const scope of Object.values(this.state.scopes)) {
      if (scope.parentId === scopeId) {
        this.clearScope(scope.id, actor);
        delete this.state.scopes[scope.id];
      }
    }
    for (const token of this.tokensIn(scopeId)) {
      const wait = this.waitOf(token.id);
      if (wait) this.cancelWait(wait[0], wait[1], actor);
      this.consume(token);
    }
    for (const key of Object.keys(this.state.joins)) if (key.startsWith(`${scopeId}/`)) delete this.state.joins[key];
  }

  private cancelWait(waitId: string, wait: Wait, actor: Actor): void {
    if (wait.kind === 'userTask') {
      this.emit({ type: 'closeUserTask', taskId: wait.taskId, outcome: 'cancelled', actor });
      this.record({ kind: 'task.cancelled', tokenId: wait.tokenId, data: { taskId: wait.taskId }, actor });
    } else if (wait.kind === 'timer') this.emit({ type: 'cancelTimer', waitId });
    else if (wait.kind === 'job') this.emit({ type: 'cancelJob', waitId });
  }

  // ---------- joins ----------

  /** Parks a token at a joining gateway. */
  arriveAtJoin(token: Token): string[] {
    const key = `${token.scopeId}/${token.nodeId}`;
    const waiting = own(this.state.joins, key) ?? (this.state.joins[key] = []);
    waiting.push(token.id);
    return waiting;
  }

  /** Consumes the given parked tokens of a join; when none remain the entry is dropped. */
  releaseJoin(scopeId: string, gatewayId: string, tokenIds: string[]): void {
    const key = `${scopeId}/${gatewayId}`;
    const rest = (own(this.state.joins, key) ?? []).filter((id) => !tokenIds.includes(id));
    if (rest.length) this.state.joins[key] = rest;
    else delete this.state.joins[key];
    for (const id of tokenIds) {
      const token = own(this.state.tokens, id);
      if (token) {
        this.complete(token);
        this.consume(token);
      }
    }
  }

  /**
   * Fires the first inclusive join that holds tokens and that no other token of its scope can still reach. One join
   * per quiet moment: the tokens it sends on must arrive (and park) before another join is judged.
   */
  private fireSettledInclusiveJoin(): boolean {
    for (const tokenIds of Object.values(this.state.joins)) {
      const first = own(this.state.tokens, tokenIds[0]);
      if (!first) continue;
      const gateway = this.node(first.nodeId);
      if (gateway.kind !== 'inclusiveGateway') continue;
      const parked = new Set(tokenIds);
      const others = this.tokensIn(first.scopeId).filter((t) => !parked.has(t.id));
      if (others.some((t) => canReach(this.model, t.nodeId, gateway.id))) continue;
      // One token per incoming flow joins; extra tokens on the same flow wait for the next round.
      const byFlow = new Map<string, string>();
      for (const id of tokenIds) {
        const via = own(this.state.tokens, id)?.viaFlow ?? id;
        if (!byFlow.has(via)) byFlow.set(via, id);
      }
      const joined = [...byFlow.values()];
      const scopeId = first.scopeId;
      this.releaseJoin(scopeId, gateway.id, joined);
      this.forkFromJoin(gateway, scopeId);
      return true;
    }
    return false;
  }

  /** After a join fired: one token on the gateway, marked as joined, that the gateway's behaviour moves on (forking). */
  forkFromJoin(gateway: ModelNode, scopeId: string): void {
    const token: Token = { id: this.nextId('t'), nodeId: gateway.id, scopeId, viaFlow: JOINED, enteredAt: this.at };
    this.state.tokens[token.id] = token;
    try {
      this.behaviourOf(gateway).enter(this, token, gateway);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(token, error.kind, error.message);
      else throw error;
    }
  }

  // ---------- incidents ----------

  /** Stops a token with an incident; the rest of the case goes on. `completing` marks an element that had done its work. */
  raiseIncident(token: Token, kind: Incident['kind'], message: string, completing?: Incident['completing']): void {
    const incident: Incident = { id: this.nextId('i'), tokenId: token.id, elementId: token.nodeId, kind, message, createdAt: this.at };
    if (completing) incident.completing = completing;
    this.state.incidents[incident.id] = incident;
    this.record({ kind: 'incident.raised', elementId: token.nodeId, tokenId: token.id, data: { incidentId: incident.id, kind, message } });
  }
}

/** The result without the variables that are locals of the element (they stay local and end with it). */
function withoutLocals(result: Variables, locals: Variables | undefined): Variables {
  if (!locals) return result;
  return Object.fromEntries(Object.entries(result).filter(([name]) => !Object.prototype.hasOwnProperty.call(locals, name)));
}

/** Marks a token created by a firing join, so the gateway forks instead of joining again. */
export const JOINED = '#joined';

const reachCache = new WeakMap<ExecutableModel, Map<string, Set<string>>>();

/** Whether `to` can be reached from `from` by following sequence flows within the same scope. */
export function canReach(model: ExecutableModel, from: string, to: string): boolean {
  let byModel = reachCache.get(model);
  if (!byModel) reachCache.set(model, (byModel = new Map()));
  let reachable = byModel.get(from);
  if (!reachable) {
    reachable = new Set();
    const stack = [from];
    while (stack.length) {
      const node = own(model.nodes, stack.pop() as string);
      for (const flowId of node?.outgoing ?? []) {
        const target = own(model.flows, flowId)?.target;
        if (target && !reachable.has(target)) {
          reachable.add(target);
          stack.push(target);
        }
      }
    }
    byModel.set(from, reachable);
  }
  return reachable.has(to);
}
