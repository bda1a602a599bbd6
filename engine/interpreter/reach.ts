// Which nodes a node can reach by sequence flows (inclusive joins wait for every element that can still reach them).
import type { ExecutableModel } from '../model';
import { own } from './own';

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
