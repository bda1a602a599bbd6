// Reads the `sparrow:` legal-time XML from bpmn-js business objects — the process's `<sparrow:clocks>`, a flow node's
// `<sparrow:clockControl>`s, a user task's due date, a timer's date — and builds the properties-panel commands that
// write it. No panel code: the entries and the specs use it.
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import type { ClockAction, ClockAttrs } from './clockSettings';
import { renameClockIn } from './deadlinePresets';

/** A business object with the links the readers walk. */
export interface BusinessObject extends ModdleLike {
  id?: string;
  $parent?: BusinessObject;
}

/** One command of the properties panel's multi-command executor. */
export interface PanelCommand {
  cmd: string;
  context: Record<string, unknown>;
}

const valuesOf = (owner: ModdleLike | undefined): BusinessObject[] => ((owner?.get('extensionElements') as ModdleLike | undefined)?.get('values') as BusinessObject[] | undefined) ?? [];

const ofType = (owner: ModdleLike | undefined, type: string) => valuesOf(owner).filter((value) => value.$type === type);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const update = (element: unknown, moddleElement: ModdleLike, properties: Record<string, unknown>): PanelCommand => ({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });

/** The process that declares the clocks `businessObject` may use: itself, a participant's process, or the process it lies in. */
export function processOf(businessObject: BusinessObject | undefined): BusinessObject | undefined {
  if (businessObject?.$type === 'bpmn:Participant') return businessObject.get('processRef') as BusinessObject | undefined;
  let current = businessObject;
  while (current && current.$type !== 'bpmn:Process') current = current.$parent;
  return current;
}

/** The process's `<sparrow:clocks>`, if any. */
export const clocksContainerOf = (process: ModdleLike | undefined): BusinessObject | undefined => ofType(process, 'sparrow:Clocks')[0];

/** The process's declared `<sparrow:clock>`s, in XML order. */
export const declaredClocks = (process: ModdleLike | undefined): BusinessObject[] => (clocksContainerOf(process)?.get('clock') as BusinessObject[] | undefined) ?? [];

/** The names of the process's declared clocks. */
export const declaredClockNames = (process: ModdleLike | undefined): string[] => declaredClocks(process).map((clock) => text(clock.get('name')) ?? '');

/** A `<sparrow:clock>`'s attributes. */
export function clockAttrsOf(clock: ModdleLike): ClockAttrs {
  const [name, duration, workingDays, approvers, warnWithin] = (['name', 'duration', 'workingDays', 'approvers', 'warnWithin'] as const).map((attribute) => text(clock.get(attribute)));
  return { name, duration, workingDays, approvers, warnWithin };
}

/** A flow node's `<sparrow:clockControl>`s, in XML order. */
export const clockControlsOf = (node: ModdleLike): BusinessObject[] => ofType(node, 'sparrow:ClockControl');

/** A user task's due date expression (zeebe:taskSchedule dueDate), if any. */
export const dueDateOf = (task: ModdleLike): string | undefined => text(ofType(task, 'zeebe:TaskSchedule')[0]?.get('dueDate'));

/** The event's timer event definition, if any. */
export const timerOf = (event: ModdleLike): BusinessObject | undefined => ((event.get('eventDefinitions') as BusinessObject[] | undefined) ?? []).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');

/** A timer's date expression (timeDate), if the timer is a date. */
export const timerDateOf = (timer: ModdleLike): string | undefined => text((timer.get('timeDate') as ModdleLike | undefined)?.get('body'));

/** Commands that add `child` to `owner`'s extension elements (creating them when absent). */
function addExtension(element: unknown, owner: ModdleLike, child: ModdleLike, factory: BpmnFactory): PanelCommand[] {
  const extensions = owner.get('extensionElements') as ModdleLike | undefined;
  if (extensions) return [update(element, extensions, { values: [...valuesOf(owner), child] })];
  const created = factory.create('bpmn:ExtensionElements', { values: [child] });
  Object.assign(child, { $parent: created });
  return [update(element, owner, { extensionElements: created })];
}

/** Commands that remove `child` from `owner`'s extension elements. */
const removeExtension = (element: unknown, owner: ModdleLike, child: ModdleLike): PanelCommand[] => [update(element, owner.get('extensionElements') as ModdleLike, { values: valuesOf(owner).filter((value) => value !== child) })];

/** Commands that declare a new clock with `attrs` on `process` (creating `<sparrow:clocks>` when absent). */
export function addClockCommands(element: unknown, process: ModdleLike, attrs: ClockAttrs, factory: BpmnFactory): PanelCommand[] {
  const clock = factory.create('sparrow:Clock', { ...attrs });
  const container = clocksContainerOf(process);
  if (container) return [update(element, container, { clock: [...declaredClocks(process), clock] })];
  const created = factory.create('sparrow:Clocks', { clock: [clock] });
  Object.assign(clock, { $parent: created });
  return addExtension(element, process, created, factory);
}

/** Commands that remove `clock` from `process` (and `<sparrow:clocks>` with its last clock). */
export function removeClockCommands(element: unknown, process: ModdleLike, clock: ModdleLike): PanelCommand[] {
  const container = clocksContainerOf(process);
  if (!container) return [];
  const rest = declaredClocks(process).filter((declared) => declared !== clock);
  return rest.length > 0 ? [update(element, container, { clock: rest })] : removeExtension(element, process, container);
}

/** Every flow element of `container`, those inside subprocesses included. */
function flowElementsIn(container: ModdleLike): BusinessObject[] {
  const elements = (container.get('flowElements') as BusinessObject[] | undefined) ?? [];
  return elements.flatMap((child) => [child, ...(child.$type === 'bpmn:SubProcess' || child.$type === 'bpmn:Transaction' ? flowElementsIn(child) : [])]);
}

/** Commands that make `process`'s clock controls, due-date and timer presets naming clock `from` name `to` instead. */
export function renameClockCommands(element: unknown, process: ModdleLike, from: string, to: string): PanelCommand[] {
  if (from === '' || to === '' || from === to) return [];
  return flowElementsIn(process).flatMap((node) => {
    const commands = clockControlsOf(node).filter((control) => control.get('clock') === from).map((control) => update(element, control, { clock: to }));
    const schedule = ofType(node, 'zeebe:TaskSchedule')[0];
    const due = schedule && text(schedule.get('dueDate'));
    if (schedule && due !== undefined && renameClockIn(due, from, to) !== due) commands.push(update(element, schedule, { dueDate: renameClockIn(due, from, to) }));
    const date = (timerOf(node)?.get('timeDate') as ModdleLike | undefined) ?? undefined;
    const body = date && text(date.get('body'));
    if (date && body !== undefined && renameClockIn(body, from, to) !== body) commands.push(update(element, date, { body: renameClockIn(body, from, to) }));
    return commands;
  });
}

/** Commands that give `node` a new clock control. */
export function addClockControlCommands(element: unknown, node: ModdleLike, clock: string, action: ClockAction, factory: BpmnFactory): PanelCommand[] {
  return addExtension(element, node, factory.create('sparrow:ClockControl', { clock, action }), factory);
}

/** Commands that remove `control` from `node`. */
export const removeClockControlCommands = (element: unknown, node: ModdleLike, control: ModdleLike): PanelCommand[] => removeExtension(element, node, control);

/** Commands that set a user task's due date (creating zeebe:taskSchedule when absent). */
export function setDueDateCommands(element: unknown, task: ModdleLike, dueDate: string, factory: BpmnFactory): PanelCommand[] {
  const schedule = ofType(task, 'zeebe:TaskSchedule')[0];
  return schedule ? [update(element, schedule, { dueDate })] : addExtension(element, task, factory.create('zeebe:TaskSchedule', { dueDate }), factory);
}

/** Commands that make a timer a date with expression `date` (its duration or cycle removed). */
export function setTimerDateCommands(element: unknown, timer: ModdleLike, date: string, factory: BpmnFactory): PanelCommand[] {
  const timeDate = factory.create('bpmn:FormalExpression', { body: date });
  Object.assign(timeDate, { $parent: timer });
  return [update(element, timer, { timeDate, timeCycle: undefined, timeDuration: undefined })];
}
