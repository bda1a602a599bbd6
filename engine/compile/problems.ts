// The stable codes of compile problems and warnings, the collector that gathers them, and how messages quote diagram text.
import type { ModelProblem } from '../../contracts/api/common';

/** Stable problem codes; the API returns them as they are, so never rename one. */
export type ProblemCode =
  | 'not-xml'
  | 'not-bpmn'
  | 'too-large'
  | 'too-many-elements'
  | 'compile-timeout'
  | 'doctype-forbidden'
  | 'foreign-element'
  | 'no-executable-process'
  | 'duplicate-id'
  | 'id-invalid'
  | 'flow-reference-invalid'
  | 'flow-invalid'
  | 'default-flow-invalid'
  | 'unsupported-element'
  | 'unsupported-event-definition'
  | 'unsupported-loop'
  | 'unsupported-extension'
  | 'event-definition-missing'
  | 'gateway-condition-missing'
  | 'condition-not-feel'
  | 'feel-invalid'
  | 'timer-invalid'
  | 'task-definition-missing'
  | 'task-definition-invalid'
  | 'message-invalid'
  | 'error-invalid'
  | 'escalation-invalid'
  | 'signal-invalid'
  | 'link-invalid'
  | 'compensation-invalid'
  | 'call-activity-invalid'
  | 'multi-instance-invalid'
  | 'boundary-event-invalid'
  | 'event-gateway-invalid'
  | 'event-subprocess-invalid'
  | 'catch-event-duplicate'
  | 'script-invalid'
  | 'mapping-invalid'
  | 'user-task-invalid'
  | 'clock-invalid'
  | 'subprocess-start-invalid'
  | 'nesting-too-deep'
  | 'start-event-missing'
  | 'start-event-ambiguous'
  | 'internal-error';

/** Stable warning codes: what the compiler noticed but still runs. */
export type WarningCode =
  | 'moddle-warning'
  | 'unreachable'
  | 'implicit-end'
  | 'ignored-element'
  | 'ignored-attribute'
  | 'condition-ignored';

/** Collects the problems (refusals) and warnings of one compilation, in the order they are found. */
export class Diagnostics {
  readonly problems: ModelProblem[] = [];
  readonly warnings: ModelProblem[] = [];

  /** Records a fatal problem; `elementId` names the culprit when there is one. */
  problem(code: ProblemCode, message: string, elementId?: string): void {
    this.problems.push(entry(code, message, elementId));
  }

  /** Records a non-fatal warning. */
  warning(code: WarningCode, message: string, elementId?: string): void {
    this.warnings.push(entry(code, message, elementId));
  }
}

/** Shortens diagram text quoted in a message (expressions, values, markup) to `max` characters. */
export function abbreviate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function entry(code: string, message: string, elementId: string | undefined): ModelProblem {
  return elementId === undefined ? { code, message } : { elementId, code, message };
}
