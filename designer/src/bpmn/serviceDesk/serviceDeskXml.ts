// Reads and writes a process's service-desk extensions on bpmn-js business objects: `<sparrow:icon name="…">` (its
// picture in 服务大厅) and `<sparrow:initiator variable="…">` (the variable the server fills with the starter's
// username). Pure of panel code: the entries and the specs use it.
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { addExtensionCommand, extensionValues as valuesOf, type PanelCommand, updateCommand as update } from '../panelCommands';

export type { PanelCommand } from '../panelCommands';

/** A single-attribute extension of the process: its moddle type and attribute. */
export interface ProcessExtension {
  type: string;
  attr: string;
}

/** The process's service-desk icon. */
export const ICON_EXTENSION: ProcessExtension = { type: 'sparrow:Icon', attr: 'name' };
/** The variable that receives the starter's username. */
export const INITIATOR_EXTENSION: ProcessExtension = { type: 'sparrow:Initiator', attr: 'variable' };

/** A variable name as the compiler accepts it for `sparrow:initiator` (engine/compile/catalogue.ts). */
const VARIABLE_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Whether `name` may hold the starter's username: a variable name, not a reserved key. */
export const isInitiatorVariable = (name: string): boolean => VARIABLE_NAME.test(name) && name !== '__proto__';

/** The process's last extension of `extension`'s type (the one the compiler reads), if any. */
const extensionOf = (process: ModdleLike, { type }: ProcessExtension): ModdleLike | undefined => valuesOf(process).filter((value) => value.$type === type).pop();

/** The attribute's value on the process ('' when it has none). */
export function processExtensionText(process: ModdleLike, extension: ProcessExtension): string {
  const value = extensionOf(process, extension)?.get(extension.attr);
  return typeof value === 'string' ? value : '';
}

/** Commands that make the process's extension hold `text` (trimmed): updated, created, or removed (every copy) when empty. */
export function setProcessExtensionCommands(element: unknown, process: ModdleLike, extension: ProcessExtension, text: string, factory: BpmnFactory): PanelCommand[] {
  const value = text.trim();
  const current = extensionOf(process, extension);
  if (current) {
    if (value === '') return [update(element, process.get('extensionElements') as ModdleLike, { values: valuesOf(process).filter((other) => other.$type !== extension.type) })];
    return [update(element, current, { [extension.attr]: value })];
  }
  if (value === '') return [];
  const created = factory.create(extension.type, { [extension.attr]: value });
  return [addExtensionCommand(element, process, created, factory)];
}
