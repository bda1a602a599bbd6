// The server's problem codes that people meet, each as a message of the dictionaries with its parameters taken from
// the problem body (pure, unit-tested). Codes: server/services/*.ts, server/routes/*.ts, server/http/*.ts,
// server/auth/userScope.ts; the server's own title and detail are English and meant for operators.
import type { ProblemBody } from '../api/problem';
import type { MessageKey } from './messages/zh-CN';
import type { MessageParams } from './useT';

/** A message of the dictionaries with its parameters. */
export interface LocalizedText {
  key: MessageKey;
  params?: MessageParams;
}

const text = (body: ProblemBody, name: string) => (typeof body[name] === 'string' ? body[name] : '—');
const number = (body: ProblemBody, name: string) => (typeof body[name] === 'number' ? body[name] : '—');

/** The variable names a problem's `errors` name (`body.variables.<name>…`), e.g. of `reserved-variables`. */
function variableNames(body: ProblemBody, separator: string): string {
  const errors = Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  const names = errors.flatMap((e) => {
    const path = typeof e === 'object' && e !== null ? (e as { path?: unknown }).path : undefined;
    const match = typeof path === 'string' ? /^body\.variables\.([^.[]+)/.exec(path) : null;
    return match ? [match[1]] : [];
  });
  return [...new Set(names)].join(separator) || '—';
}

/** Problem code → its message, with parameters from the body where the message names something. */
const KNOWN: Record<string, MessageKey | ((body: ProblemBody, separator: string) => LocalizedText)> = {
  'invalid-credentials': 'problem.invalidCredentials',
  'too-many-attempts': 'problem.tooManyAttempts',
  'task-claimed': (body) => ({ key: 'problem.taskClaimed', params: { assignee: text(body, 'assignee') } }),
  'task-closed': 'problem.taskClosed',
  'not-a-candidate': 'problem.notCandidate',
  'not-a-starter': 'problem.notAStarter',
  'not-the-assignee': 'problem.notAssignee',
  'assignee-not-candidate': (body) => ({ key: 'problem.assigneeNotCandidate', params: { assignee: text(body, 'assignee') } }),
  'case-closed': 'problem.caseClosed',
  'street-out-of-scope': 'problem.streetOutOfScope',
  'unknown-street': 'problem.unknownStreet',
  'destination-denied': 'problem.destinationDenied',
  'delivery-in-progress': 'problem.deliveryInProgress',
  'duplicate-business-key': 'problem.duplicateBusinessKey',
  forbidden: 'problem.forbidden',
  'reserved-variables': (body, separator) => ({ key: 'problem.reservedVariables', params: { names: variableNames(body, separator) } }),
  'invalid-form-data': 'problem.invalidFormData',
  'start-form-missing': 'problem.startFormMissing',
  'form-rule-too-expensive': 'problem.formRuleTooExpensive',
  'update-timeout': (body) => ({ key: 'problem.updateTimeout', params: { seconds: typeof body.timeoutMs === 'number' ? Math.round(body.timeoutMs / 100) / 10 : '—' } }),
  'variables-too-large': (body) => ({ key: 'problem.variablesTooLarge', params: { limit: number(body, 'limit') } }),
  'validation-failed': 'problem.validationFailed',
  'district-admin-only': 'problem.districtAdminOnly',
  'own-roles-or-streets': 'problem.ownRolesOrStreets',
  'user-changed': 'problem.userChanged',
  'session-required': 'problem.sessionRequired',
  'audit-data-too-deep': 'problem.auditDataTooDeep',
  'clock-approver-required': 'problem.clockApproverRequired',
  'clock-state-conflict': 'problem.clockStateConflict',
  'clock-not-found': 'problem.clockNotFound',
  'calendar-unchanged': 'problem.calendarUnchanged',
};

/** The message of a known problem `code` (lists joined by `separator`), or null for a code the client has no message for. */
export function knownProblem(code: string, body: ProblemBody, separator = '、'): LocalizedText | null {
  if (!Object.hasOwn(KNOWN, code)) return null;
  const entry = KNOWN[code];
  return typeof entry === 'function' ? entry(body, separator) : { key: entry };
}
