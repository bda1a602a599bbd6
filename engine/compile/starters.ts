// Who may start a process by hand (`<sparrow:starters names="…">` on the process) -> ExecutableModel.starters.
import { splitNames } from '../../contracts/nameLists';
import { child, children, describe, text, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';

/**
 * The roles or groups the process names as its starters, in diagram order without repeats; undefined when the
 * process does not say (everyone who may start cases may start it). A declaration naming no one is ignored, with a warning.
 */
export function readStarters(process: BpmnElement, diagnostics: Diagnostics): string[] | undefined {
  const container = child(process, 'extensionElements');
  const declarations = container ? children(container, 'values').filter((value) => value.$type === 'sparrow:Starters') : [];
  if (declarations.length === 0) return undefined;
  const names = [...new Set(declarations.flatMap((declaration) => splitNames(text(declaration, 'names') ?? '')))];
  if (names.length === 0) {
    diagnostics.warning('ignored-attribute', `${describe(process)} declares starters (sparrow:starters) but names no role or group: every starter role may start it`, process.id);
    return undefined;
  }
  return names;
}
