// The properties panel's commands on moddle elements, shared by the entries that write a process's or a task's
// extension elements (starters, service desk, assignment).
import type { ModdleLike } from './moddleShapes';

/** One command of the properties panel's multi-command executor. */
export interface PanelCommand {
  cmd: string;
  context: Record<string, unknown>;
}

/** The extension elements of `owner` (none: an empty list). */
export const extensionValues = (owner: ModdleLike): ModdleLike[] => ((owner.get('extensionElements') as ModdleLike | undefined)?.get('values') as ModdleLike[] | undefined) ?? [];

/** The command that sets `properties` on `moddleElement` of the diagram element `element`. */
export const updateCommand = (element: unknown, moddleElement: ModdleLike, properties: Record<string, unknown>): PanelCommand => ({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
