// The properties panel's commands on moddle elements, shared by the entries that write a process's or a task's
// extension elements (starters, service desk, assignment).
import type { BpmnFactory, ModdleLike } from './moddleShapes';

/** One command of the properties panel's multi-command executor. */
export interface PanelCommand {
  cmd: string;
  context: Record<string, unknown>;
}

/** The extension elements of `owner` (none: an empty list). */
export const extensionValues = (owner: ModdleLike): ModdleLike[] => ((owner.get('extensionElements') as ModdleLike | undefined)?.get('values') as ModdleLike[] | undefined) ?? [];

/** The command that sets `properties` on `moddleElement` of the diagram element `element`. */
export const updateCommand = (element: unknown, moddleElement: ModdleLike, properties: Record<string, unknown>): PanelCommand => ({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });

/** The command that adds the new extension element `created` to `owner`'s extension elements (created with it when `owner` has none). */
export function addExtensionCommand(element: unknown, owner: ModdleLike, created: ModdleLike, factory: BpmnFactory): PanelCommand {
  const extensions = owner.get('extensionElements') as ModdleLike | undefined;
  if (extensions) {
    Object.assign(created, { $parent: extensions });
    return updateCommand(element, extensions, { values: [...extensionValues(owner), created] });
  }
  const container = factory.create('bpmn:ExtensionElements', { values: [created] });
  Object.assign(created, { $parent: container });
  return updateCommand(element, owner, { extensionElements: container });
}
