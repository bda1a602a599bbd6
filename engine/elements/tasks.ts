// Tasks that need no one: a plain task passes on, a script task evaluates its FEEL expression.
import { IncidentSignal } from '../interpreter/runtime';
import type { ScriptTaskNode, TaskNode } from '../model';
import { behaviour, passThrough } from './lifecycle';

/** A plain (or manual) task completes as soon as it is activated (its output mappings still apply). */
export const task = passThrough<TaskNode>();

/** A script task evaluates the zeebe:script expression and leaves with `{ [resultVariable]: value }`. */
export const scriptTask = behaviour<ScriptTaskNode>((rt, instance, node) => {
  if (!node.script) throw new IncidentSignal('expression', `script task <${node.id}> has no script`);
  const value = rt.evaluate(node.script.expression, rt.contextOf(instance));
  rt.leave(instance, { [node.script.resultVariable]: value });
});
