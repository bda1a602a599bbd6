// The properties-panel entries of a user task's approval mode: the preset picker (会签 / 或签 / 依次审批 / 按比例, or
// 自定义 when the XML is something else), who signs, and the share for 按比例. Each writes ordinary Zeebe XML.
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { type ApprovalPreset, approvalOf, DEFAULT_SHARE, PRESET_LABELS, formatShare, type LoopSettings, loopFor, parseShare, signerAssignee, signersCollection, signersText, SIGNER_VARIABLE, type WritablePreset } from './presets';
import { assigneeOf, type BpmnFactory, type ElementLike, loopSettingsOf, type PanelCommand, writeCommands } from './taskLoop';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

interface EntryProps {
  element: ElementLike;
  id: string;
}

/** The services an entry writes through: commands run as one undoable step. */
function useWriter(element: ElementLike) {
  const factory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStackLike>('commandStack');
  const run = (commands: PanelCommand[]) => commandStack.execute('properties-panel.multi-command-executor', commands);
  return {
    /** Writes `settings`; `assignee` as in writeCommands. */
    write: (settings: LoopSettings | undefined, assignee?: string | null) => run(writeCommands(element, factory, settings, assignee)),
  };
}

/** The preset picker: choosing a preset rewrites the multi-instance settings and binds the assignee to the signer. */
export function ApprovalPresetSelect({ element, id }: EntryProps) {
  const translate = useService<Translate>('translate');
  const { write } = useWriter(element);
  const current = () => approvalOf(loopSettingsOf(element), assigneeOf(element)).preset;
  return h(SelectEntry, {
    element,
    id,
    label: translate('Approval mode'),
    description: translate('Several signers each get their own task'),
    getValue: current,
    setValue: (value: string) => {
      const loop = loopSettingsOf(element);
      if (value === 'single') {
        // the assignee read the signer: without multi-instance there is none to read
        write(undefined, loop && assigneeOf(element) === signerAssignee(loop) ? null : undefined);
        return;
      }
      if (value === 'custom') return;
      const settings = loopFor(value as WritablePreset, loop, DEFAULT_SHARE);
      write(settings, signerAssignee(settings));
    },
    getOptions: () => {
      const presets: ApprovalPreset[] = ['single', 'all', 'any', 'sequential', 'share'];
      if (current() === 'custom') presets.push('custom');
      return presets.map((preset) => ({ value: preset, label: translate(PRESET_LABELS[preset]) }));
    },
  });
}

/** Who signs: names separated by commas (written as a FEEL list), or an expression starting with `=`. */
export function SignersField({ element, id }: EntryProps) {
  const translate = useService<Translate>('translate');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  const { write } = useWriter(element);
  return h(TextFieldEntry, {
    element,
    id,
    label: translate('Who signs'),
    description: translate('Names separated by commas, or an expression starting with = (e.g. =reviewers)'),
    debounce,
    getValue: () => signersText(loopSettingsOf(element)?.inputCollection),
    setValue: (value: string) => {
      const loop = loopSettingsOf(element);
      if (!loop) return;
      write({ ...loop, inputElement: loop.inputElement ?? SIGNER_VARIABLE, inputCollection: signersCollection(value ?? '') });
    },
  });
}

/** The share of 按比例: `2/3` of all signers, or a count such as `2`. */
export function ShareField({ element, id }: EntryProps) {
  const translate = useService<Translate>('translate');
  const debounce = useService<(fn: (value: string) => void) => (value: string) => void>('debounceInput');
  const { write } = useWriter(element);
  return h(TextFieldEntry, {
    element,
    id,
    label: translate('How many must sign'),
    description: translate('A fraction such as 2/3, or a number of people such as 2'),
    debounce,
    getValue: () => {
      const approval = approvalOf(loopSettingsOf(element), assigneeOf(element));
      return approval.share ? formatShare(approval.share) : '';
    },
    validate: (value: string) => (parseShare(value ?? '') ? null : translate('Enter a fraction such as 2/3 or a whole number')),
    setValue: (value: string) => {
      const share = parseShare(value ?? '');
      const loop = loopSettingsOf(element);
      if (!share || !loop) return;
      write(loopFor('share', loop, share));
    },
  });
}
