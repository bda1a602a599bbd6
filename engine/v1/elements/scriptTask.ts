// Script task: a FEEL expression whose result is stored in a variable.
import type { ElementBehaviour } from '../interpreter/runtime';
import { IncidentSignal } from '../interpreter/runtime';

/** Evaluates the zeebe:script expression and leaves with `{ [resultVariable]: value }`. */
export const scriptTask: ElementBehaviour = {
  enter(rt, token, node) {
    if (!node.script) throw new IncidentSignal('expression', `script task <${node.id}> has no script`);
    const value = rt.evaluate(node.script.expression, rt.contextOf(token));
    rt.leave(token, { [node.script.resultVariable]: value });
  },
};
