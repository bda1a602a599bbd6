// Reads and writes a process's `<sparrow:starters names="…">` (who may start it) on bpmn-js business objects. Pure of
// panel code: the entry and the specs use it.
import { splitNames } from '../../../../contracts/nameLists';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { addExtensionCommand, extensionValues as valuesOf, type PanelCommand, updateCommand as update } from '../panelCommands';

export type { PanelCommand } from '../panelCommands';

/** The process's `<sparrow:starters>`, if any. */
export const startersOf = (process: ModdleLike): ModdleLike | undefined => valuesOf(process).find((value) => value.$type === 'sparrow:Starters');

/** The names as the compiler reads them (commas, Chinese commas, 、 or spaces apart), normalised to `a, b`; '' for none. */
export function startersAttr(text: string): string {
  return [...new Set(splitNames(text))].join(', ');
}

/** The starters the process names, as its attribute holds them ('' when it names none). */
export const startersText = (process: ModdleLike): string => {
  const names = startersOf(process)?.get('names');
  return typeof names === 'string' ? names : '';
};

/** Commands that make `process` name `text`'s starters: the element updated, created, or removed when no one is named. */
export function setStartersCommands(element: unknown, process: ModdleLike, text: string, factory: BpmnFactory): PanelCommand[] {
  const names = startersAttr(text);
  const current = startersOf(process);
  if (current) {
    if (names === '') return [update(element, process.get('extensionElements') as ModdleLike, { values: valuesOf(process).filter((value) => value !== current) })];
    return [update(element, current, { names })];
  }
  if (names === '') return [];
  const created = factory.create('sparrow:Starters', { names });
  return [addExtensionCommand(element, process, created, factory)];
}
