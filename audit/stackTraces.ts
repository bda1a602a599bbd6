// Nothing the audit routes answer carries a stack trace: Temporal keeps the stack of every failure (with the server's
// file paths) in the history, and replay errors quote them. Pure helpers, shared by the API and the CLIs.
import type { HistoryJson } from './types';

const FRAME = /^\s*at\s.*$/;
const PATH = /(?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^\s'"()<>]*\.(?:[cm]?[jt]sx?|node)(?::\d+){0,2}/g;
/** The stack of a failure as Temporal's core quotes it (Rust debug form: `stack_trace: "…\n    at …"`). */
const QUOTED_STACK = /stack_trace: "(?:[^"\\]|\\.)*"/g;
/** A stack frame inside quoted text, its newline escaped (`\n    at f (…)`). */
const QUOTED_FRAME = /\\n[ \t]*at [^"]*?(?=\\n|"|$)/g;

/** A message without stack frames (`    at f (/srv/x.ts:1:2)` lines, also quoted ones) and with file paths replaced by `<path>`. */
export function withoutStackTrace(message: string): string {
  return message
    .replace(QUOTED_STACK, 'stack_trace: ""')
    .replace(QUOTED_FRAME, '')
    .split('\n')
    .filter((line) => !FRAME.test(line))
    .join('\n')
    .replace(PATH, '<path>')
    .trim();
}

/**
 * Removes the `stackTrace` of every failure (activity, workflow task, workflow failures and their causes) from the
 * history, in place, and returns it; nothing else changes, and the workflow code reads only failure messages, so it replays the same.
 */
export function historyWithoutStackTraces(history: HistoryJson): HistoryJson {
  const stack: unknown[] = [history];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.stackTrace === 'string') delete record.stackTrace;
    for (const value of Object.values(record)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return history;
}
