// diagram-js module: bpmn-js-bpmnlint lints the whole diagram in one task, on import and after every change; on a
// 1,000-element diagram that task takes a few hundred ms, and a click or key press waits for it (bench row 6 profiled it
// between the drawn diagram and the first answered click). This replaces `linting.lint` with the same lint run one rule
// at a time, yielding to the browser between rules: the same rules in the same order give the same results, and input
// waits at most one rule. A newer lint stops an older one (bpmn-js-bpmnlint keeps only the newest lint's results).
import { Linter } from 'bpmnlint';

type LintResults = Record<string, Array<{ id?: string; message: string; category: string }>>;

interface LintingService {
  lint(): Promise<LintResults>;
  getLinterConfig(): { config: { rules?: Record<string, unknown>; extends?: unknown }; resolver: unknown };
}

/** Lets the browser handle input and paint before the next rule runs. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** bpmnlint's lint of `definitions` under `linterConfig`, one rule per task; stops (answering what it has) when `stale()` says a newer lint began. */
export async function lintRuleByRule(definitions: unknown, linterConfig: ReturnType<LintingService['getLinterConfig']>, stale: () => boolean = () => false): Promise<LintResults> {
  const linter = new Linter({ config: linterConfig.config, resolver: linterConfig.resolver });
  // A config that extends others has rules this loop does not see: lint it whole.
  if (linterConfig.config.extends !== undefined) return linter.lint(definitions);
  const results: LintResults = {};
  for (const [rule, setting] of Object.entries(linterConfig.config.rules ?? {})) {
    await yieldToBrowser();
    if (stale()) break;
    Object.assign(results, await linter.lint(definitions, { rules: { [rule]: setting } }));
  }
  return results;
}

function SlicedLint(linting: LintingService, bpmnjs: { getDefinitions(): unknown }) {
  let generation = 0;
  linting.lint = () => {
    const mine = ++generation;
    return lintRuleByRule(bpmnjs.getDefinitions(), linting.getLinterConfig(), () => mine !== generation);
  };
}
SlicedLint.$inject = ['linting', 'bpmnjs'];

/** Add to `additionalModules` of a Modeler after bpmn-js-bpmnlint. */
export default { __init__: ['slicedLint'], slicedLint: ['type', SlicedLint] };
