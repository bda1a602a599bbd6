// Reads a user task's multi-instance settings and assignee from its business object, and builds the commands that
// write new ones (bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics, zeebe:assignmentDefinition).
import type { LoopSettings } from './presets';

/** A moddle element as the properties panel hands it out. */
export interface ModdleElement {
  $type: string;
  get(name: string): unknown;
}

/** bpmn-js's factory of moddle elements. */
export interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}

/** A shape of the diagram with its business object. */
export interface ElementLike {
  businessObject: ModdleElement;
}

/** One command of the properties panel's multi-command executor. */
export interface PanelCommand {
  cmd: string;
  context: Record<string, unknown>;
}

const extensionValues = (owner: ModdleElement | undefined): ModdleElement[] =>
  ((owner?.get('extensionElements') as ModdleElement | undefined)?.get('values') as ModdleElement[] | undefined) ?? [];

const extensionOf = (owner: ModdleElement | undefined, type: string) => extensionValues(owner).find((value) => value.$type === type);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The element's multi-instance settings, or undefined when it has no multi-instance marker (a standard loop counts as none). */
export function loopSettingsOf(element: ElementLike): LoopSettings | undefined {
  const loop = element.businessObject.get('loopCharacteristics') as ModdleElement | undefined;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const zeebe = extensionOf(loop, 'zeebe:LoopCharacteristics');
  const field = (name: string) => text(zeebe?.get(name));
  return {
    isSequential: loop.get('isSequential') === true,
    inputCollection: field('inputCollection'),
    inputElement: field('inputElement'),
    outputCollection: field('outputCollection'),
    outputElement: field('outputElement'),
    completionCondition: text((loop.get('completionCondition') as ModdleElement | undefined)?.get('body')),
  };
}

/** The task's assignee (zeebe:assignmentDefinition assignee), if any. */
export function assigneeOf(element: ElementLike): string | undefined {
  return text(extensionOf(element.businessObject, 'zeebe:AssignmentDefinition')?.get('assignee'));
}

/** A new multi-instance marker holding `settings` (absent fields left out of the XML). */
function createLoop(settings: LoopSettings, factory: BpmnFactory): ModdleElement {
  const zeebeFields = Object.fromEntries(
    (['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const).filter((name) => settings[name]).map((name) => [name, settings[name]]),
  );
  const zeebe = factory.create('zeebe:LoopCharacteristics', zeebeFields);
  const extensions = factory.create('bpmn:ExtensionElements', { values: [zeebe] });
  const condition = settings.completionCondition ? factory.create('bpmn:FormalExpression', { body: settings.completionCondition }) : undefined;
  const loop = factory.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: settings.isSequential, extensionElements: extensions, ...(condition && { completionCondition: condition }) });
  // the panel's readers walk up through $parent, as for elements the panel creates itself
  Object.assign(zeebe, { $parent: extensions });
  Object.assign(extensions, { $parent: loop });
  if (condition) Object.assign(condition, { $parent: loop });
  return loop;
}

/** Commands that give the task `settings` (undefined: no multi-instance) and, when given, `assignee` (null removes it). */
export function writeCommands(element: ElementLike, factory: BpmnFactory, settings: LoopSettings | undefined, assignee?: string | null): PanelCommand[] {
  const commands: PanelCommand[] = [{ cmd: 'element.updateProperties', context: { element, properties: { loopCharacteristics: settings ? createLoop(settings, factory) : undefined } } }];
  if (assignee === undefined) return commands;
  const businessObject = element.businessObject;
  let extensions = businessObject.get('extensionElements') as ModdleElement | undefined;
  if (!extensions) {
    extensions = factory.create('bpmn:ExtensionElements', { values: [] });
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: businessObject, properties: { extensionElements: extensions } } });
  }
  let assignment = extensionOf(businessObject, 'zeebe:AssignmentDefinition');
  if (!assignment) {
    if (assignee === null) return commands;
    assignment = factory.create('zeebe:AssignmentDefinition', {});
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensions, properties: { values: [...extensionValues(businessObject), assignment] } } });
  }
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: assignment, properties: { assignee: assignee ?? undefined } } });
  return commands;
}
