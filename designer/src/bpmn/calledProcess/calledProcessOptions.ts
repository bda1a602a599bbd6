// The options of the called-process picker: the deployed processes by name, plus what the call activity names now
// when that is not one of them (an expression, or a process not deployed yet). Pure.
import type { ProcessChoice } from './ProcessCatalog';

type Translate = (text: string, replacements?: Record<string, string>) => string;

/** One option of the picker. */
export interface ProcessOption {
  value: string;
  label: string;
}

/** The picker's options for a call activity whose processId is `current` ('' for none), names in pinyin order. */
export function calledProcessOptions(processes: readonly ProcessChoice[], current: string, translate: Translate): ProcessOption[] {
  const named = [...processes].sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key, 'zh-CN')).map((process) => ({ value: process.key, label: process.name ?? process.key }));
  // two processes of one name are told apart by their ids
  const counts = new Map<string, number>();
  named.forEach((option) => counts.set(option.label, (counts.get(option.label) ?? 0) + 1));
  const options = [{ value: '', label: translate('<none>') }, ...named.map((option) => ((counts.get(option.label) ?? 0) > 1 ? { ...option, label: `${option.label} (${option.value})` } : option))];
  if (current === '' || processes.some((process) => process.key === current)) return options;
  const label = current.startsWith('=') ? translate('Expression: {expression}', { expression: current.slice(1).trim() }) : translate('{name} (not deployed)', { name: current });
  return [...options, { value: current, label }];
}
