// Audit answers carry no stack trace: replay errors lose their frames (plain or quoted by Temporal's core) and file
// paths, and a history loses the stack of every failure it records.
import fs from 'node:fs';
import path from 'node:path';
import { historyWithoutStackTraces, withoutStackTrace } from '../../audit/stackTraces';
import type { HistoryJson } from '../../audit/types';

describe('stack traces in audit answers', () => {
  it('should drop the frames and paths of a plain error stack', () => {
    const message = 'RangeError: Maximum call stack size exceeded\n    at serialize (/srv/sparrow/node_modules/json-canonicalize/dist/index.js:45:12)\n    at Array.forEach (<anonymous>)';
    expect(withoutStackTrace(message)).toBe('RangeError: Maximum call stack size exceeded');
    expect(withoutStackTrace('failed in /srv/sparrow/workflows/bpmnProcess.ts:12:3')).toBe('failed in <path>');
  });

  it('should drop a stack Temporal\'s core quotes in a replay failure', () => {
    const message =
      'Replay failed due workflow task failure. Details: Workflow activation completion failed: Failure { failure: Some(Failure { message: "Maximum call stack size exceeded", source: "TypeScriptSDK", stack_trace: "/srv/sparrow/node_modules/@temporalio/workflow/lib/worker-interface.js:1\\n    throw this.workflowTaskError;\\n\\nRangeError: Maximum call stack size exceeded\\n    at serialize (/srv/x.js:1:2)\\n    at addProp (/srv/x.js:3:4)", encoded_attributes: None }), force_cause: Unspecified }';
    const clean = withoutStackTrace(message);
    expect(clean).toContain('message: "Maximum call stack size exceeded"');
    expect(clean).toContain('stack_trace: ""');
    expect(clean).not.toMatch(/at serialize|\/srv\//);
  });

  it('should remove the stack of every failure from a history and leave the rest as it was', () => {
    const exported = JSON.parse(fs.readFileSync(path.join(__dirname, 'exports', 'audit-case-handled.v1.json'), 'utf8')) as { history: HistoryJson };
    const before = JSON.stringify(exported.history);
    expect(before).toContain('"stackTrace"');
    const cleaned = JSON.stringify(historyWithoutStackTraces(exported.history));
    expect(cleaned).not.toContain('"stackTrace"');
    expect(cleaned).not.toContain('/tests/audit/support.ts');
    expect(cleaned.replace(/\s/g, '').length).toBeLessThan(before.replace(/\s/g, '').length);
    expect(before.replace(/,"stackTrace":"(?:[^"\\]|\\.)*"/g, '')).toBe(cleaned);
  });
});
