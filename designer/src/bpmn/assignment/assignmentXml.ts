// Reads and writes a user task's `zeebe:assignmentDefinition` (assignee, candidateGroups, candidateUsers) as the
// organisation pickers see it: a static list of names, or an expression the pickers leave to the FEEL field. Pure of
// panel code: the pickers and the specs use it.
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { addExtensionCommand, extensionValues as valuesOf, type PanelCommand, updateCommand as update } from '../panelCommands';

export type { PanelCommand } from '../panelCommands';

/** The attributes the pickers write. */
export type AssignmentAttribute = 'assignee' | 'candidateGroups' | 'candidateUsers';

/** The task's `<zeebe:assignmentDefinition>`, if any. */
export const assignmentOf = (task: ModdleLike): ModdleLike | undefined => valuesOf(task).find((value) => value.$type === 'zeebe:AssignmentDefinition');

/** The attribute's text as the XML holds it ('' when unset). */
export function assignmentText(task: ModdleLike, attribute: AssignmentAttribute): string {
  const value = assignmentOf(task)?.get(attribute);
  return typeof value === 'string' ? value : '';
}

/** The names a static value lists (commas apart, as the engine splits them); null for a FEEL expression (`=…`). */
export function namesIn(value: string): string[] | null {
  if (value.trim().startsWith('=')) return null;
  return [...new Set(value.split(',').map((name) => name.trim()).filter(Boolean))];
}

/** The static value listing `names` (`a, b`; '' for none). */
export const namesValue = (names: readonly string[]): string => [...new Set(names)].join(', ');

/** Commands that set the task's `attribute` to `value`, creating the extension elements and assignment definition when missing. */
export function setAssignmentCommands(element: unknown, task: ModdleLike, attribute: AssignmentAttribute, value: string, factory: BpmnFactory): PanelCommand[] {
  const current = assignmentOf(task);
  if (current) return [update(element, current, { [attribute]: value || undefined })];
  if (!value) return [];
  const created = factory.create('zeebe:AssignmentDefinition', { [attribute]: value });
  return [addExtensionCommand(element, task, created, factory)];
}
