// The approval presets of a user task (会签 / 或签 / 依次审批 / 按比例) as ordinary Zeebe multi-instance settings, and back:
// which preset some settings are, and the settings a preset writes. Pure; the properties panel entries use it.

/** How the signers of a user task sign: one person (no multi-instance), all, any one, in order, a share, or other settings. */
export type ApprovalPreset = 'single' | 'all' | 'any' | 'sequential' | 'share' | 'custom';

/** The English label of each preset in the picker (translated through the modeler's dictionary). */
export const PRESET_LABELS: Readonly<Record<ApprovalPreset, string>> = {
  single: 'One person handles it',
  all: 'All must sign (countersign)',
  any: 'Any one signs',
  sequential: 'Sign in order',
  share: 'A share must sign',
  custom: 'Custom',
};

/** The presets that write settings (single removes them, custom is whatever the XML holds). */
export type WritablePreset = 'all' | 'any' | 'sequential' | 'share';

/** An element's multi-instance settings as the XML holds them (bpmn:multiInstanceLoopCharacteristics + zeebe:loopCharacteristics). */
export interface LoopSettings {
  isSequential: boolean;
  inputCollection?: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** How many signers must sign: a count, or a fraction of all of them. */
export type Share = { kind: 'count'; count: number } | { kind: 'fraction'; numerator: number; denominator: number };

/** The preset some settings match, with its share for `share`. */
export interface Approval {
  preset: ApprovalPreset;
  share?: Share;
}

/** The variable each instance's signer is bound to when the task had none (the task's assignee reads it). */
export const SIGNER_VARIABLE = 'signer';

/** The share a new 按比例 preset starts with: two thirds. */
export const DEFAULT_SHARE: Share = { kind: 'fraction', numerator: 2, denominator: 3 };

const ANY_CONDITION = /^=\s*numberOfCompletedInstances\s*>=\s*(\d+)\s*$/;
const FRACTION_CONDITION = /^=\s*numberOfCompletedInstances\s*\/\s*numberOfInstances\s*>=\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** The completion condition of a share (a count of 1 is 或签's condition). */
export function completionConditionOf(share: Share): string {
  return share.kind === 'count' ? `=numberOfCompletedInstances >= ${share.count}` : `=numberOfCompletedInstances / numberOfInstances >= ${share.numerator}/${share.denominator}`;
}

/** The share a completion condition asks for, or undefined when it is not one of the two share forms. */
function shareOf(condition: string): Share | undefined {
  const count = ANY_CONDITION.exec(condition);
  if (count) return { kind: 'count', count: Number(count[1]) };
  const fraction = FRACTION_CONDITION.exec(condition);
  if (fraction) return { kind: 'fraction', numerator: Number(fraction[1]), denominator: Number(fraction[2]) };
  return undefined;
}

/** Whether `assignee` is the expression that reads the instance's input element (`=signer`). */
const assigneeReads = (assignee: string | undefined, inputElement: string | undefined): boolean =>
  inputElement !== undefined && inputElement.trim() !== '' && (assignee ?? '').replace(/\s+/g, '') === `=${inputElement.trim()}`;

/** The preset of a user task with settings `loop` (undefined: no multi-instance) and assignee `assignee`. */
export function approvalOf(loop: LoopSettings | undefined, assignee: string | undefined): Approval {
  if (!loop) return { preset: 'single' };
  // who signs may still be blank: the preset is chosen first, the signers typed next (the compiler refuses a blank collection)
  if (!assigneeReads(assignee, loop.inputElement)) return { preset: 'custom' };
  const condition = loop.completionCondition?.trim() ?? '';
  if (condition === '') return { preset: loop.isSequential ? 'sequential' : 'all' };
  const share = loop.isSequential ? undefined : shareOf(condition);
  if (!share || (share.kind === 'count' && share.count < 1) || (share.kind === 'fraction' && (share.denominator === 0 || share.numerator > share.denominator))) return { preset: 'custom' };
  if (share.kind === 'count' && share.count === 1) return { preset: 'any' };
  return { preset: 'share', share };
}

/** The settings preset `preset` writes over `current` (its collection and outputs kept), with `share` for 按比例. */
export function loopFor(preset: WritablePreset, current: LoopSettings | undefined, share: Share = DEFAULT_SHARE): LoopSettings {
  const kept: LoopSettings = {
    isSequential: preset === 'sequential',
    inputCollection: current?.inputCollection,
    inputElement: current?.inputElement?.trim() || SIGNER_VARIABLE,
    outputCollection: current?.outputCollection,
    outputElement: current?.outputElement,
  };
  if (preset === 'any') return { ...kept, completionCondition: completionConditionOf({ kind: 'count', count: 1 }) };
  if (preset === 'share') return { ...kept, completionCondition: completionConditionOf(share) };
  return kept;
}

/** The assignee expression that gives each instance to its signer. */
export const signerAssignee = (loop: LoopSettings): string => `=${loop.inputElement ?? SIGNER_VARIABLE}`;

/** A share typed by a modeller: `2/3` (a fraction) or `2` (a count); undefined when it is neither or not a proper share. */
export function parseShare(text: string): Share | undefined {
  const trimmed = text.trim();
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
  if (fraction) {
    const [numerator, denominator] = [Number(fraction[1]), Number(fraction[2])];
    return numerator > 0 && denominator > 0 && numerator <= denominator ? { kind: 'fraction', numerator, denominator } : undefined;
  }
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? { kind: 'count', count: Number(trimmed) } : undefined;
}

/** A share as a modeller types it (`2/3`, `2`). */
export const formatShare = (share: Share): string => (share.kind === 'count' ? String(share.count) : `${share.numerator}/${share.denominator}`);

const SEPARATORS = /[,，、;；\n]+/;

/** The input collection for signers typed as names separated by commas (a FEEL list of strings), or an expression starting with `=` kept as it is. */
export function signersCollection(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('=')) return trimmed;
  const names = trimmed.split(SEPARATORS).map((name) => name.trim()).filter((name) => name !== '');
  return `=[${names.map((name) => JSON.stringify(name)).join(', ')}]`;
}

/** The signers as a modeller typed them: the names of a FEEL list of strings, or the expression itself. */
export function signersText(collection: string | undefined): string {
  const trimmed = collection?.trim() ?? '';
  const list = /^=\s*\[(.*)\]\s*$/s.exec(trimmed);
  if (list) {
    const items = list[1].trim() === '' ? [] : list[1].split(',').map((item) => item.trim());
    if (items.every((item) => /^"(?:[^"\\]|\\.)*"$/.test(item))) return items.map((item) => JSON.parse(item) as string).join(', ');
  }
  return trimmed;
}
