// The properties-panel entry that picks a call activity's called process from the deployed ones, by name.
import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { calledProcessOptions } from './calledProcessOptions';
import type { BpmnFactory, ElementLike, ModdleLike } from '../moddleShapes';
import type ProcessCatalog from './ProcessCatalog';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

const valuesOf = (extensions: ModdleLike | undefined) => (extensions?.get('values') as ModdleLike[] | undefined) ?? [];

/** The call activity's zeebe:CalledElement, if any. */
const calledElementOf = (element: ElementLike) => valuesOf(element.businessObject.get('extensionElements') as ModdleLike | undefined).find((value) => value.$type === 'zeebe:CalledElement');

/** A select of the deployed processes (plus the current processId when it is an expression or not deployed). */
export function CalledProcessSelect({ element, id }: { element: ElementLike; id: string }) {
  const catalog = useService<ProcessCatalog>('sparrowProcesses');
  const translate = useService<Translate>('translate');
  const commandStack = useService<CommandStackLike>('commandStack');
  const factory = useService<BpmnFactory>('bpmnFactory');
  const current = () => (calledElementOf(element)?.get('processId') as string | undefined) ?? '';

  return h(SelectEntry, {
    element,
    id,
    label: translate('Process from the library'),
    description: translate('Or type a process ID, or an expression starting with ='),
    getValue: current,
    setValue: (value: string) => {
      const businessObject = element.businessObject;
      const commands: Array<{ cmd: string; context: Record<string, unknown> }> = [];
      let extensions = businessObject.get('extensionElements') as ModdleLike | undefined;
      if (!extensions) {
        extensions = factory.create('bpmn:ExtensionElements', { values: [] });
        commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: businessObject, properties: { extensionElements: extensions } } });
      }
      let called = calledElementOf(element);
      if (!called) {
        called = factory.create('zeebe:CalledElement', {});
        commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensions, properties: { values: [...valuesOf(extensions), called] } } });
      }
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: called, properties: { processId: value || undefined } } });
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
    getOptions: () => calledProcessOptions(catalog.getProcesses(), current(), translate),
  });
}
