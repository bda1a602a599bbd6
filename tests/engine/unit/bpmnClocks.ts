// Diagram builders for legal time (issue 14): a process's statutory clocks and the elements that start and stop them
// (the sparrow: extension elements), user tasks with due dates, tasks with clock controls. Used with bpmn.ts.
import { esc } from './bpmn';

const SPARROW = 'xmlns:sparrow="urn:sparrow:bpmn:1.0"';

/** One `<sparrow:clock>`: its attributes as written in the diagram. */
export type ClockAttributes = Partial<Record<'name' | 'duration' | 'workingDays' | 'approvers' | 'warnWithin', string>>;

const attributes = (values: Record<string, string | undefined>): string =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${esc(value as string)}"`)
    .join('');

/** The process's clock declarations (put first among the process's elements). */
export const clocks = (...declared: ClockAttributes[]): string =>
  `<bpmn:extensionElements><sparrow:clocks ${SPARROW}>${declared.map((clock) => `<sparrow:clock${attributes(clock)} />`).join('')}</sparrow:clocks></bpmn:extensionElements>`;

/** Clock controls of an element: `[clock, action]` pairs, applied when it completes. */
export type ClockControls = Array<[string, string]>;

const controls = (list: ClockControls = []): string => list.map(([clock, action]) => `<sparrow:clockControl ${SPARROW}${attributes({ clock, action })} />`).join('');

/** An undefined task (passes at once) that starts or stops clocks as it completes. */
export const clockedTask = (id: string, list: ClockControls): string => `<bpmn:task id="${esc(id)}"><bpmn:extensionElements>${controls(list)}</bpmn:extensionElements></bpmn:task>`;

/** A user task with a due and follow-up date (FEEL `=…` or static) and clock controls. */
export const datedUserTask = (id: string, dates: { dueDate?: string; followUpDate?: string }, list?: ClockControls): string =>
  `<bpmn:userTask id="${esc(id)}"><bpmn:extensionElements><zeebe:userTask />${
    dates.dueDate || dates.followUpDate ? `<zeebe:taskSchedule${attributes(dates)} />` : ''
  }${controls(list)}</bpmn:extensionElements></bpmn:userTask>`;
