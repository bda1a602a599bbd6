// What the report says of each business step (pure): the values a person or job set in it — the start variables for
// the case itself, each recorded variable change otherwise — known from the history, or only by their hash.
import type { TimelineStep } from '../../api/audit';
import type { VariableAtStep } from '../AuditCase/stepModel';

/** One variable a step set, with its value (or only its hash when the history does not hold the value). */
export interface ValueSet {
  name: string;
  value: VariableAtStep;
}

interface RecordedChange {
  changes?: Array<{ name: string; newHash: string }>;
  values?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The variables step `step` set, in the order it set them (the last value of a variable set twice). */
export function valuesSetBy(step: TimelineStep): ValueSet[] {
  const set = new Map<string, VariableAtStep>();
  if (step.elementKind === 'case' && isRecord(step.data.variables)) {
    for (const [name, value] of Object.entries(step.data.variables)) set.set(name, { known: true, value });
  }
  const recorded = Array.isArray(step.data.variablesChanged) ? (step.data.variablesChanged as RecordedChange[]) : [];
  for (const { changes = [], values = {} } of recorded) {
    for (const change of changes) {
      set.delete(change.name);
      set.set(change.name, Object.prototype.hasOwnProperty.call(values, change.name) ? { known: true, value: values[change.name] } : { known: false, hash: change.newHash });
    }
  }
  return [...set].map(([name, value]) => ({ name, value }));
}
