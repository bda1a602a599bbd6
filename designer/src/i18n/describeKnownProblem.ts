// The task list's and sign-in's expected refusals in the user's language; any other problem as the server put it.
import type { ProblemError } from '../api/problem';
import { describeProblem, type ProblemText } from './describeProblem';
import type { Translate } from './useT';

/** Problem codes (server/services/tasks.ts, server/routes/auth.ts, server/routes/instances.ts) with a message of their own. */
const KNOWN = {
  'invalid-credentials': 'problem.invalidCredentials',
  'too-many-attempts': 'problem.tooManyAttempts',
  'task-claimed': 'problem.taskClaimed',
  'task-closed': 'problem.taskClosed',
  'not-a-candidate': 'problem.notCandidate',
  'not-the-assignee': 'problem.notAssignee',
  'case-closed': 'problem.caseClosed',
  'street-out-of-scope': 'problem.streetOutOfScope',
  'duplicate-business-key': 'problem.duplicateBusinessKey',
  forbidden: 'problem.forbidden',
} as const;

/** Like `describeProblem`, but a known code gets its translated title (the server's detail stays as the detail). */
export function describeKnownProblem(t: Translate, error: ProblemError): ProblemText {
  const key = KNOWN[error.code as keyof typeof KNOWN];
  if (!key) return describeProblem(t, error);
  const assignee = typeof error.body.assignee === 'string' ? error.body.assignee : '—';
  return { title: t(key, { assignee }), detail: error.detail };
}

/** One line for a message toast: the title, and the detail when the code was not a known one. */
export function problemLine(t: Translate, error: ProblemError): string {
  const known = error.code in KNOWN;
  const { title, detail } = describeKnownProblem(t, error);
  return !known && detail ? `${title} — ${detail}` : title;
}
