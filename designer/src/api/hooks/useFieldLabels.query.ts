// Query hook for the labels the forms of a deployed version give its variables.
import { useQueries } from '@tanstack/react-query';
import { type FieldLabel, fieldLabels } from '../../formjs/fieldLabels';
import { type Translate, useT } from '../../i18n/useT';
import { bodyOf } from '../bodyOf';
import { type FormView, getForm } from '../forms';

/** A variable as the forms call it: its label (or its name when no form labels it) and a value's option label. */
export interface VariableLabels {
  name: (variable: string) => string;
  /** The label of `value` when variable `variable` is a choice field and `value` one of its options (text, number or true/false). */
  value: (variable: string, value: unknown) => string | undefined;
}

/** The labels the pinned `forms` (a version's `forms`) give the variables, yes/no values in words; undefined while a form
 * loads (a form that failed to load labels nothing, so its variables keep their names). */
export function useFieldLabels(forms: ReadonlyArray<{ formId: string; version: number }>): VariableLabels | undefined {
  const t = useT();
  const results = useQueries({
    queries: forms.map(({ formId, version }) => ({
      queryKey: ['forms', formId, 'version', version] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => bodyOf<FormView>(getForm(formId, version), signal),
      staleTime: Infinity,
    })),
    combine: (answers) => (answers.some((answer) => answer.isPending) ? undefined : fieldLabels(answers.map((answer) => answer.data?.schema))),
  });
  return results && labelsOf(results, t);
}

function labelsOf(labels: ReadonlyMap<string, FieldLabel>, t: Translate): VariableLabels {
  const optionLabel = (variable: string, value: unknown) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? labels.get(variable)?.options.get(String(value)) : undefined;
  return {
    name: (variable) => labels.get(variable)?.label ?? variable,
    // A yes/no value no option labels is 是/否.
    value: (variable, value) => optionLabel(variable, value) ?? (typeof value === 'boolean' ? t(value ? 'variables.true' : 'variables.false') : undefined),
  };
}
