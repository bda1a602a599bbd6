// Variables of a case: which container instance holds each, what an element sees, and their size kept up to date.
import { jsonSha256 } from '../hash';
import { own } from './own';
import type { ElementInstance, EngineState, Variables } from './types';

/** One variable a step set, as recorded in a `variables.changed` audit entry. */
export interface VariableChange {
  name: string;
  /** The container instance the value landed in (the process or a subprocess run). */
  scope: string;
  /** sha256 of the RFC 8785 canonical JSON of the previous value; null when the variable is new in that scope. */
  oldHash: string | null;
  newHash: string;
}

/** Where each variable of a result lands and by how many bytes the case's variables grow; applied only when allowed. */
export interface VariablePlan {
  writes: Array<{ container: ElementInstance; name: string; value: unknown }>;
  deltaBytes: number;
}

/** Bytes one variable takes in its container's JSON (`"name":value,`). */
export const entryBytes = (name: string, value: unknown): number => JSON.stringify(name).length + (JSON.stringify(value)?.length ?? 4) + 2;

/** Bytes of a whole record of variables. */
export const recordBytes = (variables: Variables): number => Object.entries(variables).reduce((n, [name, value]) => n + entryBytes(name, value), 2);

/** The containers from `containerId` up to the root, innermost first. */
export function containerChain(state: EngineState, containerId: string): ElementInstance[] {
  const chain: ElementInstance[] = [];
  for (let c = own(state.instances, containerId); c; c = c.parentId ? own(state.instances, c.parentId) : undefined) {
    if (c.variables) chain.push(c);
  }
  return chain;
}

/** The variables an instance sees: its containers from the root down, then its locals, then `extra`. */
export function contextOf(state: EngineState, instance: ElementInstance, extra?: Variables): Variables {
  const context: Variables = {};
  const chain = instance.parentId ? containerChain(state, instance.parentId) : [];
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(context, chain[i].variables);
  if (instance.variables) Object.assign(context, instance.variables);
  if (instance.locals) Object.assign(context, instance.locals);
  if (extra) Object.assign(context, extra);
  return context;
}

/** Plans setting `variables` from container `containerId` upward: each lands in the nearest container that has it, else the root. */
export function planVariables(state: EngineState, containerId: string, variables: Variables): VariablePlan {
  const chain = containerChain(state, containerId);
  const plan: VariablePlan = { writes: [], deltaBytes: 0 };
  for (const [name, value] of Object.entries(variables)) {
    const container = chain.find((c) => Object.hasOwn(c.variables as Variables, name)) ?? chain[chain.length - 1];
    const vars = container.variables as Variables;
    plan.deltaBytes += entryBytes(name, value) - (Object.hasOwn(vars, name) ? entryBytes(name, vars[name]) : 0);
    plan.writes.push({ container, name, value });
  }
  return plan;
}

/** Applies a plan and returns the changes to record: each variable with its container and the hashes of its old and new value. */
export function applyVariables(state: EngineState, plan: VariablePlan): VariableChange[] {
  const changes: VariableChange[] = [];
  for (const { container, name, value } of plan.writes) {
    const vars = container.variables as Variables;
    const existed = Object.hasOwn(vars, name);
    changes.push({ name, scope: container.id, oldHash: existed ? jsonSha256(vars[name]) : null, newHash: jsonSha256(value) });
    vars[name] = value;
  }
  state.variableBytes += plan.deltaBytes;
  return changes;
}

/** The result without the variables that are locals of the element (they stay local and end with it, as in Camunda 8). */
export function withoutLocals(result: Variables, locals: Variables | undefined): Variables {
  if (!locals) return result;
  return Object.fromEntries(Object.entries(result).filter(([name]) => !Object.hasOwn(locals, name)));
}
