// Rule sparrow/clocks: the statutory clocks a process declares (`<sparrow:clock>`) are well formed, and each clock
// control (`<sparrow:clockControl>`) names one of them with action start or stop — as the compiler demands.
import { SPARROW_LINT_MESSAGES } from '../messages';
import { isA, textOf, type ModdleNode, type Reporter, type RuleFactory } from '../moddle';

const extensionsOf = (node: ModdleNode | undefined, type: string): ModdleNode[] =>
  ((node?.extensionElements as { values?: ModdleNode[] } | undefined)?.values ?? []).filter((value) => value.$type === type);

/** The process's declared clocks. */
const clocksOf = (process: ModdleNode | undefined): ModdleNode[] => extensionsOf(process, 'sparrow:Clocks').flatMap((clocks) => (clocks.clock as ModdleNode[] | undefined) ?? []);

/** The process `node` lies in. */
function processOf(node: ModdleNode): ModdleNode | undefined {
  let current: ModdleNode | undefined = node;
  while (current && !isA(current, 'bpmn:Process')) current = current.$parent as ModdleNode | undefined;
  return current;
}

/** Reports each badly declared clock of `process`. */
function checkDeclarations(process: ModdleNode, reporter: Reporter) {
  const seen = new Set<string>();
  for (const clock of clocksOf(process)) {
    const name = textOf(clock, 'name');
    if (name === '') reporter.report(process.id, SPARROW_LINT_MESSAGES.clockWithoutName);
    else if (seen.has(name)) reporter.report(process.id, SPARROW_LINT_MESSAGES.clockNameDuplicate);
    seen.add(name);
    const lengths = ['duration', 'workingDays'].filter((attribute) => textOf(clock, attribute) !== '').length;
    if (lengths === 0) reporter.report(process.id, SPARROW_LINT_MESSAGES.clockWithoutLength);
    if (lengths === 2) reporter.report(process.id, SPARROW_LINT_MESSAGES.clockBothLengths);
  }
}

/** Reports clock controls of `node` naming an undeclared clock or an action other than start and stop. */
function checkControls(node: ModdleNode, reporter: Reporter) {
  const declared = new Set(clocksOf(processOf(node)).map((clock) => textOf(clock, 'name')));
  for (const control of extensionsOf(node, 'sparrow:ClockControl')) {
    if (!declared.has(textOf(control, 'clock')) || textOf(control, 'clock') === '') reporter.report(node.id, SPARROW_LINT_MESSAGES.clockUndeclared);
    if (!['start', 'stop'].includes(textOf(control, 'action'))) reporter.report(node.id, SPARROW_LINT_MESSAGES.clockActionInvalid);
  }
}

/** Checks clock declarations on processes and clock controls on flow nodes. */
export const clocks: RuleFactory = () => ({
  check(node, reporter) {
    if (isA(node, 'bpmn:Process')) checkDeclarations(node, reporter);
    else if (isA(node, 'bpmn:FlowNode')) checkControls(node, reporter);
  },
});
