// Variables set from outside the process (PATCH /api/instances/:id/variables): Camunda 8's "set variables" with
// local=true — on the process scope, or on the scope of one active element instance — with a reason, recorded as
// `variables.set`. Nothing runs because of it; a retried element (a resolved incident) reads the new values.
import { jsonSha256 } from '../hash';
import { own } from './own';
import type { Runtime } from './runtime';
import { entryBytes, type VariableChange } from './scopeVariables';
import type { ElementInstance, EngineEvent, EngineState, Variables } from './types';

/** The event of a variable update. */
export type VariablesSetEvent = Extract<EngineEvent, { type: 'variablesSet' }>;

/** Longest reason the engine takes (the API bounds it first). */
export const MAX_REASON_LENGTH = 2_000;

/** The instance whose scope the update writes to: the process (no scope, or the root's id) or an active element instance. */
function scopeOf(state: EngineState, scope: string | undefined): ElementInstance | undefined {
  return own(state.instances, scope === undefined ? state.rootId : scope);
}

/** The variables of an instance's scope: a container's own variables, else the element's locals. */
const varsOf = (instance: ElementInstance): Variables => instance.variables ?? instance.locals ?? {};

/** By how many bytes setting `variables` in `scope` changes the size of its variables. */
function growth(scope: ElementInstance, variables: Variables): number {
  const vars = varsOf(scope);
  return Object.entries(variables).reduce((n, [name, value]) => n + entryBytes(name, value) - (Object.hasOwn(vars, name) ? entryBytes(name, vars[name]) : 0), 0);
}

/** Why a variable update cannot be applied (its variables are already known to be a plain object without `__proto__`), or null. */
export function variablesSetRejectionOf(state: EngineState, event: VariablesSetEvent, maxVariableBytes: number): string | null {
  if (typeof event.reason !== 'string' || !event.reason.trim()) return 'a change of variables needs a reason';
  if (event.reason.length > MAX_REASON_LENGTH) return `the reason must be at most ${MAX_REASON_LENGTH} characters`;
  if (Object.keys(event.variables).length === 0) return 'a change of variables needs at least one variable';
  if (event.scope !== undefined && typeof event.scope !== 'string') return 'the scope must be an element instance id';
  const scope = scopeOf(state, event.scope);
  if (!scope) return `element instance ${event.scope} is not active in this case`;
  if (state.variableBytes + growth(scope, event.variables) > maxVariableBytes) return `variables would exceed the limit of ${maxVariableBytes} bytes per case`;
  return null;
}

/** Sets the variables in the scope the event names (checked by variablesSetRejectionOf) and records who, why and what changed. */
export function setVariables(rt: Runtime, event: VariablesSetEvent): void {
  const scope = scopeOf(rt.state, event.scope) as ElementInstance;
  // a container's variables count in the case's size; an element's locals end with it (as its input mappings' do)
  const counted = scope.variables !== undefined;
  const vars = scope.variables ?? (scope.locals ??= {});
  if (counted) rt.state.variableBytes += growth(scope, event.variables);
  const changes: VariableChange[] = [];
  for (const [name, value] of Object.entries(event.variables)) {
    changes.push({ name, scope: scope.id, oldHash: Object.hasOwn(vars, name) ? jsonSha256(vars[name]) : null, newHash: jsonSha256(value) });
    vars[name] = value;
  }
  const element = scope.parentId === null ? {} : { elementId: scope.elementId, tokenId: scope.id };
  rt.record({ kind: 'variables.set', ...element, data: { reason: event.reason, scope: scope.id, names: Object.keys(event.variables), changes } });
}
