// Statutory clocks of a process (issue 14): `sparrow:clocks` on the process -> ExecutableModel.clocks, each flow node's
// `sparrow:clockControl` -> its clockActions, and whether the model uses legal time at all (clocks or a legal-time FEEL
// function), which tells the server to hand its cases the working-day calendar.
import type { ClockDeclaration } from '../../contracts/legalTime';
import { MAX_CLOCK_DAYS } from '../interpreter/legalTimeRejections';
import type { ClockAction, ExecutableModel, ModelNode } from '../model';
import { parseDuration } from '../timers';
import { child, children, describe, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

/** How many units before its deadline a clock shows as near when the process does not say (`warnWithin`). */
const DEFAULT_WARN_WITHIN = 3;
const ACTIONS: ReadonlySet<string> = new Set(['start', 'stop']);
const WHOLE_NUMBER = /^\d{1,9}$/;

/** The extension elements of `element` of a sparrow type (e.g. `sparrow:ClockControl`). */
function sparrowExtensions(element: BpmnElement, type: string): BpmnElement[] {
  const container = child(element, 'extensionElements');
  return container ? children(container, 'values').filter((value) => value.$type === type) : [];
}

/** Reads the clocks the process declares; undefined when it declares none. Each invalid clock is a `clock-invalid` problem. */
export function readClocks(process: BpmnElement, diagnostics: Diagnostics): Record<string, ClockDeclaration> | undefined {
  const clocks: Record<string, ClockDeclaration> = {};
  const where = describe(process);
  for (const element of sparrowExtensions(process, 'sparrow:Clocks').flatMap((list) => children(list, 'clock'))) {
    const name = text(element, 'name')?.trim();
    if (!name) {
      diagnostics.problem('clock-invalid', `${where} declares a clock without a name`, process.id);
      continue;
    }
    if (Object.hasOwn(clocks, name)) {
      diagnostics.problem('clock-invalid', `${where} declares clock "${name}" more than once`, process.id);
      continue;
    }
    const declaration = readClock(element, name, `${where}: clock "${name}"`, process.id, diagnostics);
    if (declaration) clocks[name] = declaration;
  }
  return Object.keys(clocks).length > 0 ? clocks : undefined;
}

function readClock(element: BpmnElement, name: string, what: string, processId: string | undefined, diagnostics: Diagnostics): ClockDeclaration | undefined {
  const problem = (message: string) => diagnostics.problem('clock-invalid', `${what} ${message}`, processId);
  const duration = text(element, 'duration')?.trim() || undefined;
  const days = text(element, 'workingDays')?.trim() || undefined;
  const warn = text(element, 'warnWithin')?.trim() || undefined;
  let valid = true;
  if ((duration === undefined) === (days === undefined)) {
    problem(duration === undefined ? 'has neither a duration nor working days (set exactly one)' : 'has both a duration and working days (set exactly one)');
    valid = false;
  }
  if (duration !== undefined && !isPositiveDuration(duration)) {
    problem(`has duration "${abbreviate(duration)}", which is not a positive ISO 8601 duration such as P90D or PT4H`);
    valid = false;
  }
  const workingDays = days === undefined ? undefined : Number(days);
  if (days !== undefined && (!WHOLE_NUMBER.test(days) || (workingDays as number) < 1 || (workingDays as number) > MAX_CLOCK_DAYS)) {
    problem(`has working days "${abbreviate(days)}": it must be a whole number from 1 to ${MAX_CLOCK_DAYS}`);
    valid = false;
  }
  if (warn !== undefined && !WHOLE_NUMBER.test(warn)) {
    problem(`has warnWithin "${abbreviate(warn)}": it must be a whole number of 0 or more`);
    valid = false;
  }
  if (!valid) return undefined;
  const approvers = (text(element, 'approvers') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { name, ...(duration !== undefined ? { duration } : { workingDays }), approvers, warnWithin: warn === undefined ? DEFAULT_WARN_WITHIN : Number(warn) };
}

/** An ISO 8601 duration with no negative part and some length (P90D, P3M, PT4S). */
function isPositiveDuration(text: string): boolean {
  const duration = parseDuration(text);
  if (!duration || !/^P/i.test(text)) return false;
  const parts = Object.values(duration.toObject());
  return parts.every((part) => part >= 0) && parts.some((part) => part > 0);
}

/** Reads the clock controls of a flow node (checked against the declared clocks once all nodes are built); undefined: none. */
export function readClockActions(element: BpmnElement, diagnostics: Diagnostics): ClockAction[] | undefined {
  if (sparrowExtensions(element, 'sparrow:Clocks').length > 0) {
    diagnostics.problem('clock-invalid', `${describe(element)} declares clocks: clocks are declared on the process`, element.id);
  }
  const actions: ClockAction[] = [];
  for (const control of sparrowExtensions(element, 'sparrow:ClockControl')) {
    const clock = text(control, 'clock')?.trim();
    const action = text(control, 'action')?.trim() ?? '';
    if (!clock) diagnostics.problem('clock-invalid', `${describe(element)} has a clock control that names no clock`, element.id);
    else if (!ACTIONS.has(action)) diagnostics.problem('clock-invalid', `${describe(element)} has clock control action "${abbreviate(action)}" for clock "${clock}": it must be start or stop`, element.id);
    else actions.push({ clock, action: action as ClockAction['action'] });
  }
  return actions.length > 0 ? actions : undefined;
}

/** Checks that every clock control names a clock the process declares; a process's own clock controls are refused. */
export function checkClockActions(process: BpmnElement, nodes: ModelNode[], clocks: Record<string, ClockDeclaration> | undefined, diagnostics: Diagnostics): void {
  if (sparrowExtensions(process, 'sparrow:ClockControl').length > 0) {
    diagnostics.problem('clock-invalid', `${describe(process)} has a clock control: clocks are started and stopped by its flow nodes`, process.id);
  }
  for (const node of nodes) {
    for (const { clock } of node.clockActions ?? []) {
      if (!clocks || !Object.hasOwn(clocks, clock)) {
        diagnostics.problem('clock-invalid', `${node.kind} <${node.id}> starts or stops clock "${clock}", which the process does not declare`, node.id);
      }
    }
  }
}

/** A FEEL source that calls a legal-time function (working days, a clock). */
const LEGAL_TIME_CALL = /working day|工作日|\bclock\s*\(|时限\s*\(/;

/** Whether the model needs the working-day calendar: it declares clocks or one of its FEEL expressions reads legal time. */
export function usesLegalTime(model: ExecutableModel): boolean {
  return model.clocks !== undefined || readsLegalTime(model.nodes) || readsLegalTime(model.flows);
}

/** Whether any FEEL expression (`{ kind: 'feel', source }`) inside `value` calls a legal-time function. */
function readsLegalTime(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(readsLegalTime);
  const record = value as Record<string, unknown>;
  if (record.kind === 'feel' && typeof record.source === 'string') return LEGAL_TIME_CALL.test(record.source);
  return Object.values(record).some(readsLegalTime);
}
