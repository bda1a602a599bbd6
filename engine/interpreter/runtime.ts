// The element lifecycle, written once (modelled on Zeebe's BpmnElementProcessor): element instances are activated,
// complete or are terminated; containers settle when their last child is gone. A Runtime updates the state of one
// step in place and touches only what the step concerns: no copy of the state, no scan of all instances.
import { DEFAULT_FEEL_LIMITS, evaluateCondition, evaluateExpression, FeelError, type FeelLimits } from '../feel';
import type { ExecutableModel, Mapping, ModelFlow, ModelNode, MultiInstanceDefinition } from '../model';
import { runClockActions } from './clockActions';
import { type LegalReading, legalScopeOf } from './legalScope';
import { onCompleting } from './compensable';
import { arrive, dropJoinsOf, fireSettledInclusiveJoin } from './joins';
import { keptLoopVariables } from './loopVariables';
import { own } from './own';
import { applyVariables, contextOf, planVariables, recordBytes, withoutLocals } from './scopeVariables';
import { withdrawAll } from './subscriptions';
import type { Actor, AuditEntry, Command, ElementInstance, EngineState, Incident, Subscription, Variables } from './types';

/** Limits that keep one case from harming the service. */
export interface EngineLimits {
  /** Largest JSON size of all variables of an instance, in bytes. */
  maxVariableBytes: number;
  /** Most elements one thread of control may run in a row without a wait state before the loop guard raises an incident. */
  maxStepsWithoutWait: number;
  /** Most inner instances a parallel multi-instance body creates at once; a larger collection is an incident. */
  maxParallelInstances: number;
  /** Children per batch workflow of a parallel multi-instance call activity; a larger collection runs its children in such batches. */
  childBatchSize: number;
  /** What one FEEL evaluation may do (used when `bounded`). */
  feel: FeelLimits;
  /**
   * The bounds of issue 10: FEEL evaluated within `feel` (an overrun is an incident), due and follow-up dates checked
   * (a non-date is an incident), incidents looked up as own properties. Always true for this interpreter (cases
   * recorded before the bounds run on engine/v1).
   */
  bounded: boolean;
  /**
   * Legal time (issue 14): the working-day and clock FEEL functions, clock actions, the start's calendar, clock and
   * calendar events. Set by the workflow for cases started since its patch; without it none of these run.
   */
  legalTime?: boolean;
  /**
   * Message buffering (issue 16): each message subscription opened asks the workflow to poll the message buffer
   * (`pollMessageBuffer`). Set by the workflow for cases started since its patch.
   */
  messageBuffer?: boolean;
}

/** Default limits: 1 MB of variables, 1,000 steps without a wait state, 1,000 parallel inner instances, batches of 500 child cases, FEEL's default budget, bounded. */
export const DEFAULT_LIMITS: EngineLimits = { maxVariableBytes: 1_000_000, maxStepsWithoutWait: 1_000, maxParallelInstances: 1_000, childBatchSize: 500, feel: DEFAULT_FEEL_LIMITS, bounded: true };

/** How many finished element instances and taken flows the state keeps for the designer's diagram. */
export const MAX_RECENT = 1_000;

/** How one kind of element behaves over its lifecycle (one implementation per node kind, in engine/elements/). */
export interface ElementBehaviour<N extends ModelNode = ModelNode> {
  /** The instance was created (its input mappings applied): start its work, subscribe, or complete at once. */
  activate(rt: Runtime, instance: ElementInstance, node: N): void;
  /** Its work is done with `result`: leave (output mappings, outgoing flows). */
  complete(rt: Runtime, instance: ElementInstance, node: N, result: Variables): void;
  /** It is being terminated (its subscriptions and children are withdrawn by the runtime): anything of its own to undo. */
  terminate(rt: Runtime, instance: ElementInstance, node: N): void;
  /** A container's child completed or was terminated while the container goes on; it completes once no child is left. */
  childDone?(rt: Runtime, instance: ElementInstance, node: N): void;
  /**
   * A subscription for this element held by another instance fired (`owner`: the activity a boundary event is attached
   * to, the container of an event subprocess, the event-based gateway before this catch event), with `variables`.
   */
  onTrigger?(rt: Runtime, owner: ElementInstance, node: N, fired: FiredSubscription, variables: Variables): void;
  /**
   * A multi-instance body's inner instance `inner` leaves with `result`: evaluated before anything changes (a failure is
   * an incident on the inner instance); returns what to do once the inner instance is gone.
   */
  childLeaving?(rt: Runtime, body: ElementInstance, node: N, inner: ElementInstance, result: Variables): () => void;
}

/** The registry key of the multi-instance body's behaviour (engine/elements/multiInstance.ts). */
export const MULTI_INSTANCE_BODY = 'multiInstanceBody';

/** A subscription that fired, with its id (a non-interrupting event subscribes again under it). */
export interface FiredSubscription {
  id: string;
  subscription: Subscription;
}

/** Raised by a behaviour to stop the element instance with an incident instead of failing the case. */
export class IncidentSignal extends Error {
  constructor(
    readonly kind: Incident['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'IncidentSignal';
  }
}

/** Behaviours by node kind, as the registry in engine/elements provides them. */
export type BehaviourRegistry = Record<string, ElementBehaviour<never>>;

/** One step's view of the engine state, with the operations element behaviours use. */
export class Runtime {
  readonly commands: Command[] = [];
  readonly audit: AuditEntry[] = [];
  private readonly ready: string[] = [];
  private readyAt = 0;
  /** Instances activated again after an incident was resolved (not a new element instance: no second `element.entered`). */
  private readonly retrying = new Set<string>();
  /** How many elements each instance's thread of control ran in a row in this step (the loop guard). */
  private readonly depth = new Map<string, number>();

  /** Legal time: an evaluation under way whose legal-time reads are noted (interpreter/legalScope.ts sets it). */
  legalReading?: LegalReading;

  constructor(
    readonly model: ExecutableModel,
    readonly state: EngineState,
    private readonly behaviours: BehaviourRegistry,
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

  instance(id: string): ElementInstance {
    const instance = own(this.state.instances, id);
    if (!instance) throw new Error(`no element instance ${id}`);
    return instance;
  }

  /** The behaviour of `instance` (of `node`): a multi-instance body's, or its node kind's. */
  private behaviourOf(node: ModelNode, instance?: ElementInstance): ElementBehaviour {
    const key = node.multiInstance && instance && !this.bodyOf(instance) ? MULTI_INSTANCE_BODY : node.kind;
    const behaviour = own(this.behaviours, key) as ElementBehaviour | undefined;
    if (!behaviour) throw new Error(`no behaviour registered for element kind ${node.kind} <${node.id}>`);
    return behaviour;
  }

  /** The multi-instance body `instance` is an inner instance of (its container runs the same element), if any. */
  bodyOf(instance: ElementInstance): ElementInstance | undefined {
    const parent = instance.parentId === null ? undefined : own(this.state.instances, instance.parentId);
    return parent?.elementId === instance.elementId ? parent : undefined;
  }

  /** Whether `instance` is a multi-instance body (the instance of a multi-instance activity that holds the inner instances). */
  isMultiInstanceBody(instance: ElementInstance): boolean {
    return instance.parentId !== null && own(this.model.nodes, instance.elementId)?.multiInstance !== undefined && !this.bodyOf(instance);
  }

  // ---------- variables ----------

  /** The variables an instance sees (its containers, its locals, then `extra`). */
  contextOf(instance: ElementInstance, extra?: Variables): Variables {
    return contextOf(this.state, instance, extra);
  }

  /** Evaluates mappings into a new object (FEEL errors become incidents). */
  evaluateMappings(mappings: Mapping[], context: Variables): Variables {
    const out: Variables = {};
    for (const mapping of mappings) out[mapping.target] = this.evaluate(mapping.source, { ...context, ...out });
    return out;
  }

  /** Evaluates a diagram expression; a FEEL error (an overrun of the budget too) becomes an incident. */
  evaluate(expression: Parameters<typeof evaluateExpression>[0], context: Variables): unknown {
    try {
      return evaluateExpression(expression, context, this.limits.feel, legalScopeOf(this));
    } catch (error) {
      if (error instanceof FeelError) throw new IncidentSignal('expression', error.message);
      throw error;
    }
  }

  /** Evaluates a flow condition; a FEEL error becomes an incident. */
  condition(flow: ModelFlow, context: Variables): boolean {
    if (!flow.condition) return true;
    try {
      return evaluateCondition(flow.condition, context, this.limits.feel, legalScopeOf(this));
    } catch (error) {
      if (error instanceof FeelError) throw new IncidentSignal('expression', `condition of flow <${flow.id}>: ${error.message}`);
      throw error;
    }
  }

  /** Gives a container its own variables (a subprocess run's inputs), counted in the case's size; over the limit → incident. */
  openContainer(instance: ElementInstance, variables: Variables): void {
    const bytes = recordBytes(variables);
    if (this.state.variableBytes + bytes > this.limits.maxVariableBytes) {
      throw new IncidentSignal('variables', `variables of the instance would exceed ${this.limits.maxVariableBytes} bytes (set by <${instance.elementId}>)`);
    }
    instance.variables = variables;
    instance.children = {};
    instance.active = 0;
    this.state.variableBytes += bytes;
  }

  // ---------- creating and activating ----------

  /** Creates the process's root instance with the start variables. */
  createRoot(variables: Variables): ElementInstance {
    const root: ElementInstance = { id: this.nextId('e'), elementId: this.model.processId, parentId: null, enteredAt: this.at, variables, children: {}, active: 0 };
    this.state.instances[root.id] = root;
    this.state.rootId = root.id;
    this.state.variableBytes += recordBytes(variables);
    return root;
  }

  /**
   * Creates an instance of `elementId` in container `parent` and queues it for activation; `depth`: elements run in a row
   * before it; `trigger`: the variables of the event that already happened there (the instance completes with them when
   * activated, instead of waiting for its event).
   */
  createInstance(elementId: string, parent: ElementInstance, viaFlow: string | undefined, depth: number, trigger?: Variables): ElementInstance {
    const instance: ElementInstance = { id: this.nextId('e'), elementId, parentId: parent.id, enteredAt: this.at };
    if (viaFlow) instance.viaFlow = viaFlow;
    this.state.instances[instance.id] = instance;
    (parent.children as Record<string, true>)[instance.id] = true;
    parent.active = (parent.active ?? 0) + 1;
    this.state.activeElements[elementId] = (own(this.state.activeElements, elementId) ?? 0) + 1;
    this.depth.set(instance.id, depth);
    if (trigger) instance.trigger = trigger;
    this.ready.push(instance.id);
    return instance;
  }

  /** How many elements the instance's thread of control ran in a row in this step (0 after a wait). */
  depthOf(instance: ElementInstance): number {
    return this.depth.get(instance.id) ?? 0;
  }

  /** Runs queued instances until every one waits or is gone; then fires, one at a time, inclusive joins that can get no more arrivals. */
  run(): void {
    for (;;) {
      while (this.readyAt < this.ready.length) {
        const instance = own(this.state.instances, this.ready[this.readyAt++]);
        if (instance) this.activate(instance);
      }
      this.ready.length = 0;
      this.readyAt = 0;
      if (!fireSettledInclusiveJoin(this)) return;
    }
  }

  private activate(instance: ElementInstance): void {
    const node = this.node(instance.elementId);
    if (!this.retrying.delete(instance.id)) this.record({ kind: 'element.entered', elementId: node.id, tokenId: instance.id });
    if (this.depthOf(instance) > this.limits.maxStepsWithoutWait) {
      this.raiseIncident(instance, 'loopGuard', `more than ${this.limits.maxStepsWithoutWait} steps without a wait state; stopped at <${node.id}>`);
      return;
    }
    try {
      const body = node.multiInstance && this.bodyOf(instance);
      if (node.inputs?.length && node.kind !== 'subProcess' && (!node.multiInstance || body)) {
        // an inner instance of a multi-instance body keeps its loop variables (loopCounter, its item)
        instance.locals = body ? keptLoopVariables(node.multiInstance as MultiInstanceDefinition, instance.locals) : undefined;
        instance.locals = { ...instance.locals, ...this.evaluateMappings(node.inputs, this.contextOf(instance)) };
      }
      if (instance.trigger && node.kind !== 'subProcess') this.finish(instance, instance.trigger);
      else this.behaviourOf(node, instance).activate(this, instance, node);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(instance, error.kind, error.message);
      else throw error;
    }
  }

  // ---------- completing ----------

  /** The element's work is done with `result`: its behaviour completes it; a failure becomes an incident whose resolution completes it again (the work is not redone). */
  finish(instance: ElementInstance, result: Variables): void {
    const node = this.node(instance.elementId);
    try {
      this.behaviourOf(node, instance).complete(this, instance, node, result);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(instance, error.kind, error.message, { result });
      else throw error;
    }
  }

  /**
   * Leaves an element: applies output mappings (or sets `result`, except the element's locals), records it, and takes
   * its outgoing flows (all unconditional ones, conditional ones that hold, else the default flow; none of them →
   * incident), or `flows` when the behaviour chose them. Nothing changes before it can fail.
   */
  leave(instance: ElementInstance, result: Variables = {}, flows?: string[]): void {
    const node = this.node(instance.elementId);
    // a multi-instance body's inner instance leaves into its body, which takes the flows; the mappings are the inner instances'
    const body = node.multiInstance && this.bodyOf(instance);
    const outputs = node.kind === 'subProcess' || (node.multiInstance && !body) ? undefined : node.outputs;
    const produced = outputs?.length ? this.evaluateMappings(outputs, this.contextOf(instance, result)) : withoutLocals(result, instance.locals);
    const plan = planVariables(this.state, instance.parentId as string, produced);
    if (this.state.variableBytes + plan.deltaBytes > this.limits.maxVariableBytes) {
      throw new IncidentSignal('variables', `variables of the instance would exceed ${this.limits.maxVariableBytes} bytes (set by <${node.id}>)`);
    }
    const chosen = body ? [] : (flows ?? this.outgoingFlows(instance, node, produced));
    const afterLeft = body ? this.behaviourOf(node, body).childLeaving?.(this, body, node, instance, result) : undefined;
    if (plan.writes.length) this.record({ kind: 'variables.changed', elementId: node.id, data: { names: Object.keys(produced), changes: applyVariables(this.state, plan) } });
    this.completeInstance(instance, chosen);
    afterLeft?.();
  }

  private outgoingFlows(instance: ElementInstance, node: ModelNode, produced: Variables): string[] {
    // The variables are gathered only when a condition needs them (a case may hold thousands).
    let context: Variables | undefined;
    const holds = (flow: ModelFlow) => !flow.condition || this.condition(flow, (context ??= this.contextOf(instance, produced)));
    const chosen = node.outgoing.filter((id) => id !== node.defaultFlow && holds(this.flow(id)));
    if (chosen.length === 0 && node.defaultFlow) return [node.defaultFlow];
    if (chosen.length === 0 && node.outgoing.length > 0) {
      throw new IncidentSignal('noMatchingFlow', `<${node.id}> has no outgoing flow whose condition holds and no default flow`);
    }
    return chosen;
  }

  /**
   * Records the instance as completed, takes `flows` from its container and removes it (its container settles when it
   * was the last); `trigger`: the variables of an event that already happened at the flows' target (an event-based gateway's).
   */
  completeInstance(instance: ElementInstance, flows: string[], trigger?: Variables): void {
    const parent = this.instance(instance.parentId as string);
    // recorded as compensable in its container, or (a compensation handler) counted for its throw event
    const compensated = onCompleting(this, instance, parent);
    // legal time: the statutory clocks the element starts or stops (a multi-instance body's, not each inner instance's)
    const clockActions = this.limits.legalTime ? this.node(instance.elementId).clockActions : undefined;
    if (clockActions && !this.bodyOf(instance)) runClockActions(this, instance, clockActions);
    this.record({ kind: 'element.left', elementId: instance.elementId, tokenId: instance.id });
    pushBounded(this.state.completed, { elementId: instance.elementId, tokenId: instance.id, startedAt: instance.enteredAt, endedAt: this.at });
    withdrawAll(this, instance);
    const depth = this.depthOf(instance) + 1;
    for (const id of flows) {
      pushBounded(this.state.takenFlows, id);
      arrive(this, parent, id, depth, trigger);
    }
    this.remove(instance);
    this.settle(parent);
    compensated?.();
  }

  /** Settles a container with no children and no pending join arrivals: the process completes, or its behaviour completes it. */
  settle(container: ElementInstance): void {
    if ((container.active ?? 0) > 0 || this.state.status !== 'running' || container.incidentId) return;
    if (container.parentId === null) {
      withdrawAll(this, container);
      this.state.status = 'completed';
      this.state.endedAt = this.at;
      this.record({ kind: 'instance.completed' });
      return;
    }
    const node = this.node(container.elementId);
    const behaviour = this.behaviourOf(node, container);
    try {
      behaviour.childDone?.(this, container, node);
    } catch (error) {
      if (error instanceof IncidentSignal) this.raiseIncident(container, error.kind, error.message, { result: {} });
      else throw error;
    }
  }

  /** Drops an instance from the state and from its container's children (its subscriptions and incident must be gone). */
  private remove(instance: ElementInstance): void {
    delete this.state.instances[instance.id];
    this.state.variableBytes -= instance.variables ? recordBytes(instance.variables) : 0;
    const left = (own(this.state.activeElements, instance.elementId) ?? 1) - 1;
    if (left > 0) this.state.activeElements[instance.elementId] = left;
    else delete this.state.activeElements[instance.elementId];
    const parent = instance.parentId ? own(this.state.instances, instance.parentId) : undefined;
    if (parent?.children) {
      delete parent.children[instance.id];
      parent.active = (parent.active ?? 1) - 1;
    }
  }

  // ---------- terminating ----------

  /** Terminates an instance and everything inside it: children, join arrivals, subscriptions and incident are withdrawn, each recorded. */
  terminate(instance: ElementInstance, actor: Actor): void {
    for (const childId of Object.keys(instance.children ?? {})) {
      const child = own(this.state.instances, childId);
      if (child) this.terminate(child, actor);
    }
    dropJoinsOf(this, instance);
    withdrawAll(this, instance, actor);
    this.dropIncident(instance, actor);
    if (instance.parentId !== null) {
      const node = this.node(instance.elementId);
      this.behaviourOf(node, instance).terminate(this, instance, node);
      this.record({ kind: 'element.terminated', elementId: instance.elementId, tokenId: instance.id, actor });
    }
    this.remove(instance);
  }

  // ---------- subscriptions ----------

  /** Makes the instance wait for something outside the engine (a job, a task, a timer, a message). */
  subscribe(id: string, subscription: Subscription): void {
    this.state.subscriptions[id] = subscription;
    const owner = this.instance(subscription.instanceId);
    (owner.subscriptions ??= []).push(id);
  }

  /**
   * A subscription fired with `variables`: the instance's own element completes with them, or the element the
   * subscription is for (a boundary event, an event subprocess's start, a gateway's target) handles it.
   */
  trigger(fired: FiredSubscription, variables: Variables): void {
    const { subscription } = fired;
    const owner = this.instance(subscription.instanceId);
    if (subscription.elementId === owner.elementId) return this.finish(owner, variables);
    const node = this.node(subscription.elementId);
    const onTrigger = this.behaviourOf(node).onTrigger;
    if (!onTrigger) throw new Error(`<${node.id}> cannot be triggered by a subscription of <${owner.elementId}>`);
    // a trigger evaluates no expression (the event already happened; what it starts evaluates its own on activation)
    onTrigger(this, owner, node, fired, variables);
  }

  /** Removes a subscription that was triggered (its job finished, its task was completed, its timer fired) and returns it. */
  consume(id: string): FiredSubscription {
    const subscription = own(this.state.subscriptions, id);
    if (!subscription) throw new Error(`nothing waits for ${id}`);
    delete this.state.subscriptions[id];
    const owner = own(this.state.instances, subscription.instanceId);
    if (owner?.subscriptions) {
      owner.subscriptions = owner.subscriptions.filter((s) => s !== id);
      if (owner.subscriptions.length === 0) delete owner.subscriptions;
    }
    return { id, subscription };
  }

  // ---------- incidents ----------

  /** Stops an instance with an incident; the rest of the case goes on. `completing` marks an element that had done its work. */
  raiseIncident(instance: ElementInstance, kind: Incident['kind'], message: string, completing?: Incident['completing']): void {
    const incident: Incident = { id: this.nextId('i'), tokenId: instance.id, elementId: instance.elementId, kind, message, createdAt: this.at };
    if (completing) incident.completing = completing;
    this.state.incidents[incident.id] = incident;
    instance.incidentId = incident.id;
    this.record({ kind: 'incident.raised', elementId: instance.elementId, tokenId: instance.id, data: { incidentId: incident.id, kind, message } });
  }

  /**
   * Retries what an incident stopped: an element that had done its work completes again with its result (a container
   * settles again: its output mappings are re-applied); any other element is activated again.
   */
  resolve(incident: Incident): void {
    const instance = own(this.state.instances, incident.tokenId);
    if (!instance) return;
    delete instance.incidentId;
    if (!incident.completing) {
      this.retrying.add(instance.id);
      this.ready.push(instance.id);
    } else if (instance.children) this.settle(instance);
    else this.finish(instance, incident.completing.result);
  }

  /** Withdraws the instance's open incident, recorded (its element is terminated). */
  private dropIncident(instance: ElementInstance, actor: Actor): void {
    const incident = instance.incidentId ? own(this.state.incidents, instance.incidentId) : undefined;
    if (!incident) return;
    delete this.state.incidents[incident.id];
    delete instance.incidentId;
    this.record({ kind: 'incident.cancelled', elementId: instance.elementId, tokenId: instance.id, data: { incidentId: incident.id }, actor });
  }
}

/** Appends to a list of the most recent entries, dropping the oldest beyond MAX_RECENT. */
function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_RECENT) list.splice(0, list.length - MAX_RECENT);
}
