// How the auditor's pages name a case's variables: the label the version's pinned forms give them (a choice by its
// option's label), else the words for what a built-in job sets, else the variable's own name.
import { useMemo } from 'react';
import { useFieldLabels, type VariableLabels } from '../../api/hooks/useFieldLabels.query';
import { jobResultKey } from '../../i18n/jobResultKey';
import { useT } from '../../i18n/useT';

/** The names and value labels of the variables of a version whose pinned forms are `forms`; undefined while `forms`
 * (undefined until the version is known) or one of them loads, so no page shows a raw name a label will replace. */
export function useVariableWords(forms: ReadonlyArray<{ formId: string; version: number }> | undefined): VariableLabels | undefined {
  const t = useT();
  const labels = useFieldLabels(forms ?? []);
  return useMemo<VariableLabels | undefined>(() => {
    if (!forms || !labels) return undefined;
    return {
      name: (variable) => {
        const label = labels.name(variable);
        const key = jobResultKey(variable);
        return label === variable && key ? t(key) : label;
      },
      value: labels.value,
    };
  }, [forms, labels, t]);
}
