// What the forms of a process call its variables: each field's label by its key, and the labels of its options.

/** A field's label and, for choice fields, the label of each option value. */
export interface FieldLabel {
  label: string;
  options: ReadonlyMap<string, string>;
}

interface Component {
  key?: unknown;
  label?: unknown;
  /** A date (or date and time) field's label. */
  dateLabel?: unknown;
  values?: unknown;
  components?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The labelled fields of form-js schemas by key (nested groups included; a date field by its date label); the first
 * form that labels a key wins.
 */
export function fieldLabels(schemas: readonly unknown[]): ReadonlyMap<string, FieldLabel> {
  const labels = new Map<string, FieldLabel>();
  const visit = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const component of components as Component[]) {
      if (!isRecord(component)) continue;
      const label = typeof component.label === 'string' && component.label.trim() ? component.label : component.dateLabel;
      if (typeof component.key === 'string' && typeof label === 'string' && label.trim() && !labels.has(component.key)) {
        const options = new Map<string, string>();
        if (Array.isArray(component.values))
          for (const option of component.values as unknown[])
            if (isRecord(option) && typeof option.label === 'string') options.set(String(option.value), option.label);
        labels.set(component.key, { label: label.trim(), options });
      }
      visit(component.components);
    }
  };
  for (const schema of schemas) if (isRecord(schema)) visit(schema.components);
  return labels;
}
