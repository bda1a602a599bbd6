// Readers of the zeebe extension elements that Camunda Modeler writes: job definitions, mappings, user tasks, scripts.
import type { Mapping, ScriptDefinition, TaskDefinition, UserTaskDefinition } from '../model';
import { checkedExpression } from './expressions';
import { isReservedKey } from './ids';
import { children, describe, extension, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';
import { isIsoDateTime } from './timers';

/** Job retries when `zeebe:taskDefinition` does not say (Camunda 8's default). */
const DEFAULT_RETRIES = 3;

/** Reads `zeebe:taskDefinition` and `zeebe:taskHeaders`; a missing or dynamic type is a problem and gives undefined. */
export function readTaskDefinition(element: BpmnElement, diagnostics: Diagnostics): TaskDefinition | undefined {
  const definition = extension(element, 'zeebe:TaskDefinition');
  const type = (definition && text(definition, 'type'))?.trim();
  if (!definition || !type) {
    diagnostics.problem('task-definition-missing', `${describe(element)} has no zeebe:taskDefinition type (the job type its worker runs)`, element.id);
    return undefined;
  }
  if (type.startsWith('=')) {
    diagnostics.problem('task-definition-invalid', `${describe(element)} has job type "${abbreviate(type)}": dynamic job types are not supported`, element.id);
    return undefined;
  }
  const retries = readRetries(element, text(definition, 'retries'), diagnostics);
  const headers = readHeaders(element, diagnostics);
  return retries === undefined || headers === undefined ? undefined : { type, retries, headers };
}

function readRetries(element: BpmnElement, raw: string | undefined, diagnostics: Diagnostics): number | undefined {
  const value = raw?.trim() ?? '';
  if (value === '') return DEFAULT_RETRIES;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const reason = value.startsWith('=') ? 'dynamic retries are not supported' : 'retries must be a whole number';
  diagnostics.problem('task-definition-invalid', `${describe(element)} has retries "${abbreviate(value)}": ${reason}`, element.id);
  return undefined;
}

function readHeaders(element: BpmnElement, diagnostics: Diagnostics): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  let valid = true;
  const container = extension(element, 'zeebe:TaskHeaders');
  for (const header of container ? children(container, 'values') : []) {
    const key = text(header, 'key');
    if (!key) {
      diagnostics.problem('task-definition-invalid', `${describe(element)} has a task header without key`, element.id);
      valid = false;
    } else if (isReservedKey(key)) {
      diagnostics.problem('task-definition-invalid', `${describe(element)} has task header "${key}", a reserved key`, element.id);
      valid = false;
    } else if (Object.hasOwn(headers, key)) {
      diagnostics.problem('task-definition-invalid', `${describe(element)} has task header "${key}" more than once`, element.id);
      valid = false;
    } else headers[key] = text(header, 'value') ?? '';
  }
  return valid ? headers : undefined;
}

/** A mapping target: a variable name, or a dotted path into a context variable (`case.street`); letters of any script. */
const VARIABLE_PATH = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/** Reads `zeebe:ioMapping` into input and output mappings (each list only when the diagram has some). */
export function readMappings(element: BpmnElement, diagnostics: Diagnostics): { inputs?: Mapping[]; outputs?: Mapping[] } {
  const ioMapping = extension(element, 'zeebe:IoMapping');
  if (!ioMapping) return {};
  const inputs = children(ioMapping, 'inputParameters').map((parameter) => readMapping(element, 'input', parameter, diagnostics));
  const outputs = children(ioMapping, 'outputParameters').map((parameter) => readMapping(element, 'output', parameter, diagnostics));
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}

function readMapping(element: BpmnElement, direction: string, parameter: BpmnElement, diagnostics: Diagnostics): Mapping {
  const target = text(parameter, 'target')?.trim() ?? '';
  const source = text(parameter, 'source')?.trim() ?? '';
  if (!target) diagnostics.problem('mapping-invalid', `${describe(element)} has an ${direction} mapping without target variable`, element.id);
  else if (!VARIABLE_PATH.test(target)) {
    diagnostics.problem('mapping-invalid', `${describe(element)} has an ${direction} mapping to "${abbreviate(target)}", which is not a variable name or path (a.b)`, element.id);
  } else if (target.split('.').some(isReservedKey)) {
    diagnostics.problem('mapping-invalid', `${describe(element)} has an ${direction} mapping to "${target}", which is reserved; choose another name`, element.id);
  }
  if (!source) diagnostics.problem('mapping-invalid', `${describe(element)} has an ${direction} mapping to "${target}" without source`, element.id);
  return { source: checkedExpression(source, `${direction} mapping "${target}" of ${describe(element)}`, element.id, diagnostics), target };
}

/** Reads a user task's assignment, form, schedule and priority definitions. */
export function readUserTask(element: BpmnElement, diagnostics: Diagnostics): UserTaskDefinition {
  const userTask: UserTaskDefinition = {};
  const expression = (owner: BpmnElement | undefined, attribute: string) => {
    const raw = owner && text(owner, attribute)?.trim();
    return raw ? checkedExpression(raw, `${attribute} of ${describe(element)}`, element.id, diagnostics) : undefined;
  };
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const form = extension(element, 'zeebe:FormDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const priority = extension(element, 'zeebe:PriorityDefinition');
  for (const attribute of ['assignee', 'candidateGroups', 'candidateUsers'] as const) {
    const value = expression(assignment, attribute);
    if (value) userTask[attribute] = value;
  }
  for (const attribute of ['formKey', 'formId'] as const) {
    const value = form && text(form, attribute)?.trim();
    if (value) userTask[attribute] = value;
  }
  if (form && text(form, 'externalReference')) {
    diagnostics.warning('ignored-attribute', `${describe(element)}: the external form reference is ignored (use formKey or formId)`, element.id);
  }
  for (const attribute of ['dueDate', 'followUpDate'] as const) {
    const value = expression(schedule, attribute);
    if (value?.kind === 'static' && !isIsoDateTime(value.value)) {
      diagnostics.problem('user-task-invalid', `${attribute} of ${describe(element)} is "${abbreviate(value.value)}", which is not an ISO 8601 date-time with zone`, element.id);
    }
    if (value) userTask[attribute] = value;
  }
  const value = expression(priority, 'priority');
  if (value?.kind === 'static' && !(/^\d{1,3}$/.test(value.value) && Number(value.value) <= 100)) {
    diagnostics.problem('user-task-invalid', `priority of ${describe(element)} is "${abbreviate(value.value)}", which is not a whole number from 0 to 100`, element.id);
  }
  if (value) userTask.priority = value;
  return userTask;
}

/** Reads `zeebe:script` (a FEEL expression and its result variable); records a problem and returns undefined when incomplete. */
export function readScript(element: BpmnElement, diagnostics: Diagnostics): ScriptDefinition | undefined {
  const script = extension(element, 'zeebe:Script');
  const raw = (script && text(script, 'expression'))?.trim() ?? '';
  const resultVariable = (script && text(script, 'resultVariable'))?.trim() ?? '';
  if (!raw.startsWith('=') || !resultVariable) {
    diagnostics.problem(
      'script-invalid',
      `${describe(element)} needs a zeebe:script with a FEEL expression (starting with "=") and a resultVariable, or a zeebe:taskDefinition`,
      element.id,
    );
    return undefined;
  }
  if (isReservedKey(resultVariable)) {
    diagnostics.problem('script-invalid', `${describe(element)} has the result variable "${resultVariable}", which is reserved; choose another name`, element.id);
    return undefined;
  }
  return { expression: checkedExpression(raw, `script of ${describe(element)}`, element.id, diagnostics), resultVariable };
}
