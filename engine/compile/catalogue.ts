// What the service desk and the start of a case read from the process besides its starters: the variable that receives
// the username of whoever starts a case (`<sparrow:initiator variable="…">`) and the desk's icon (`<sparrow:icon name="…">`).
import { isProcessIcon } from '../../contracts/processIcons';
import { isReservedKey } from './ids';
import { child, children, describe, text, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';

const VARIABLE_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** The process's extension elements of `type` (sparrow:Initiator, sparrow:Icon). */
function declarations(process: BpmnElement, type: string): BpmnElement[] {
  const container = child(process, 'extensionElements');
  return container ? children(container, 'values').filter((value) => value.$type === type) : [];
}

/**
 * The variable a case starts with holding its starter's username (so a later task can be assigned `=<variable>`);
 * undefined when the process names none. A name that is no variable name, or a reserved one, is a problem.
 */
export function readInitiator(process: BpmnElement, diagnostics: Diagnostics): string | undefined {
  const names = declarations(process, 'sparrow:Initiator').map((declaration) => text(declaration, 'variable')?.trim() ?? '');
  if (names.length === 0) return undefined;
  const name = names[names.length - 1];
  if (!VARIABLE_NAME.test(name) || isReservedKey(name)) {
    diagnostics.problem('mapping-invalid', `${describe(process)} names "${name}" as the initiator variable (sparrow:initiator), which is not a variable name`, process.id);
    return undefined;
  }
  return name;
}

/** The icon the service desk shows for the process; an unknown name is ignored with a warning (the desk's default icon). */
export function readIcon(process: BpmnElement, diagnostics: Diagnostics): string | undefined {
  const names = declarations(process, 'sparrow:Icon').map((declaration) => text(declaration, 'name')?.trim() ?? '');
  if (names.length === 0) return undefined;
  const name = names[names.length - 1];
  if (isProcessIcon(name)) return name;
  diagnostics.warning('ignored-attribute', `${describe(process)} names the icon "${name}" (sparrow:icon), which is not a known icon: the default icon is shown`, process.id);
  return undefined;
}
