// The entries of a process's 服务大厅 group: the icon residents see on its card (sparrow:icon) and the variable that
// receives the starter's username (sparrow:initiator).
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { Fragment, h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { isProcessIcon, PROCESS_ICONS } from '../../../../contracts/processIcons';
import { ICON_BADGES } from '../../components/ProcessIcon/badges';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { ICON_EXTENSION, INITIATOR_EXTENSION, isInitiatorVariable, processExtensionText, setProcessExtensionCommands } from './serviceDeskXml';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

/** What each entry gets: the selected element, its entry id and the process it stands for. */
export interface EntryProps {
  element: unknown;
  id: string;
  process: ModdleLike;
}

/** Applies the commands that make the process's extension hold `value`. */
function useWriter(element: unknown, process: ModdleLike) {
  const commandStack = useService<CommandStackLike>('commandStack');
  const factory = useService<BpmnFactory>('bpmnFactory');
  return (extension: typeof ICON_EXTENSION, value: string) => {
    const commands = setProcessExtensionCommands(element, process, extension, value, factory);
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
}

/** The chosen icon drawn as the service desk draws it: its character on its colour. */
function IconPreview({ name }: { name: string }) {
  const badge = isProcessIcon(name) ? ICON_BADGES[name] : undefined;
  if (!badge) return null;
  const style = { display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: '28px', height: '28px', borderRadius: '50%', background: badge.color, color: '#fff', fontSize: '14px', margin: '0 12px 8px' };
  return h('span', { style, 'aria-hidden': 'true', 'data-icon': name }, badge.text);
}

/** 图标: a select of the known icons, each with its character and name; none: the first character of the process's name. */
export function IconSelect({ element, id, process }: EntryProps) {
  const translate = useService<Translate>('translate');
  const write = useWriter(element, process);
  const current = processExtensionText(process, ICON_EXTENSION);
  const known = PROCESS_ICONS.map((name) => ({ value: name, label: `${ICON_BADGES[name].text}  ${translate(ICON_BADGES[name].label)}` }));
  const unknown = current && !isProcessIcon(current) ? [{ value: current, label: translate('Unknown icon {name}', { name: current }) }] : [];
  return h(Fragment, {}, [
    h(SelectEntry, {
      element: process,
      id,
      label: translate('Icon'),
      description: translate('Shown on the process card in the service desk'),
      getValue: () => processExtensionText(process, ICON_EXTENSION),
      setValue: (value: string) => write(ICON_EXTENSION, value ?? ''),
      getOptions: () => [{ value: '', label: translate('No icon (first character of the name)') }, ...known, ...unknown],
    }),
    h(IconPreview, { name: current }),
  ]);
}

/** 发起人变量: the variable a case starts with holding its starter's username; empty: none. */
export function InitiatorField({ element, id, process }: EntryProps) {
  const translate = useService<Translate>('translate');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  const write = useWriter(element, process);
  const invalid = (value: string) => value.trim() !== '' && !isInitiatorVariable(value.trim());
  return h(TextFieldEntry, {
    element: process,
    id,
    label: translate('Starter variable'),
    description: translate("Stores the starter's username in this variable when a case starts, e.g. to assign the rating step to the starter"),
    debounce,
    getValue: () => processExtensionText(process, INITIATOR_EXTENSION),
    validate: (value: string) => (invalid(value ?? '') ? translate('Enter a variable name: letters, digits or _, not starting with a digit') : null),
    setValue: (value: string) => {
      if (!invalid(value ?? '')) write(INITIATOR_EXTENSION, value ?? '');
    },
  });
}
