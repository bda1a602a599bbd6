// Variables a process relies on to route work: the ones its message correlation keys and its user tasks' assignments
// read. A task without a form may not change them (a changed correlation key lets a later message reach the wrong case).
import type { Expression, ExecutableModel } from '../../engine/model';
import { DefinitionVersion } from '../../store/models';
import { feelVariableNames } from './formSchema';

const namesOf = (expression: Expression | undefined): string[] => (expression?.kind === 'feel' ? feelVariableNames(expression.source) : []);

/** Root variable names read by the model's message correlation keys and user-task assignee/candidate expressions. */
export function reservedVariables(model: ExecutableModel): Set<string> {
  const names = new Set<string>();
  for (const node of Object.values(model.nodes)) {
    const event = 'eventDefinition' in node ? node.eventDefinition : undefined;
    if (event?.kind === 'message') for (const name of namesOf(event.message.correlationKey)) names.add(name);
    const task = node.kind === 'userTask' ? node.userTask : undefined;
    if (task) for (const expression of [task.assignee, task.candidateGroups, task.candidateUsers]) for (const name of namesOf(expression)) names.add(name);
  }
  return names;
}

/** Versions are immutable, so their reserved names are cached per (key, version). */
const cache = new Map<string, Set<string>>();

/** The reserved variables of a deployed version (none when it is unknown). */
export async function reservedVariablesOf(key: string, version: number): Promise<Set<string>> {
  const id = JSON.stringify([key, version]);
  let names = cache.get(id);
  if (!names) {
    const row = await DefinitionVersion.findOne({ key, version }).select({ modelJson: 1 }).lean();
    names = row ? reservedVariables(JSON.parse(row.modelJson) as ExecutableModel) : new Set<string>();
    cache.set(id, names);
  }
  return names;
}
