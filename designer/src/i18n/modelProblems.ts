// The compiler's refusals of a diagram that people meet on deploy (engine/compile/guards.ts, namespaces.ts,
// server/services/compileOffThread.ts) and the external job type warning in the user's language; other problems keep
// the compiler's words (pure).
import type { ModelProblem } from '../api/deployments';
import type { LocalizedText } from './knownProblems';
import type { Translate } from './useT';

type Rule = [code: string, pattern: RegExp, build: (match: RegExpExecArray) => LocalizedText];

const RULES: Rule[] = [
  ['too-many-elements', /more than (\d+) XML elements/, (m) => ({ key: 'modelProblem.tooManyElements', params: { max: m[1] } })],
  ['compile-timeout', /longer than ([\d.]+) s\b/, (m) => ({ key: 'modelProblem.compileTimeout', params: { seconds: m[1] } })],
  ['too-large', /is (\d+) bytes, over the limit of (\d+) bytes/, (m) => ({ key: 'modelProblem.tooLarge', params: { bytes: m[1], max: m[2] } })],
  ['doctype-forbidden', /contains a <!(\w+)> declaration/, (m) => ({ key: 'modelProblem.doctype', params: { declaration: m[1] } })],
  [
    'foreign-element',
    /^<([^>]+)> \(namespace [^)]*\)(?: in .+?)? at line (\d+), column (\d+) is not allowed: (\w+) is active web content\b/,
    (m) => ({ key: 'modelProblem.foreignActive', params: { element: m[1], line: m[2], column: m[3], kind: m[4] } }),
  ],
  [
    'foreign-element',
    /^<([^>]+)> \(namespace [^)]*\)(?: in .+?)? at line (\d+), column (\d+) is not allowed: elements of other namespaces\b/,
    (m) => ({ key: 'modelProblem.foreignNamespace', params: { element: m[1], line: m[2], column: m[3] } }),
  ],
  // a deployment's warning (server/services/definitions.ts routeExternalJobs), not a refusal
  ['external-job-type', /uses job type "([^"]+)", which an external job worker serves \(task queue ([^)]+)\)$/, (m) => ({ key: 'modelProblem.externalJobType', params: { type: m[1], queue: m[2] } })],
];

/** The message of a compiler problem the client knows, or null to show the compiler's own. */
export function modelProblemText(problem: ModelProblem): LocalizedText | null {
  for (const [code, pattern, build] of RULES) {
    const match = code === problem.code ? pattern.exec(problem.message) : null;
    if (match) return build(match);
  }
  return null;
}

/** `problems` with the messages the client knows in the user's language (code and element unchanged). */
export function localizeModelProblems(t: Translate, problems: readonly ModelProblem[]): ModelProblem[] {
  return problems.map((problem) => {
    const known = modelProblemText(problem);
    return known ? { ...problem, message: t(known.key, known.params) } : problem;
  });
}
