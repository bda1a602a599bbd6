// A form-js editor module that renames the field types (palette entries, properties panel header, palette search)
// and gives new fields their default label in the UI language.

/** What the module needs of a form-js field renderer: a function component with a static `config`. */
interface FieldRenderer {
  (...args: unknown[]): unknown;
  config: { name?: string; label?: string; create?: (options?: Record<string, unknown>) => Record<string, unknown> } & Record<string, unknown>;
}

/** form-js's `formFields` registry (the renderers by type). */
interface FormFields {
  _formFields: Record<string, FieldRenderer>;
  register(type: string, renderer: FieldRenderer): void;
}

/** The renderer of `field` with a translated `config` (the original, shared by every form, stays as it is). */
function translatedRenderer(field: FieldRenderer, translate: (text: string) => string | undefined): FieldRenderer {
  const { config } = field;
  const englishName = config.name ?? config.label;
  const renderer = Object.assign(field.bind(null), field) as FieldRenderer;
  const create = config.create;
  renderer.config = {
    ...config,
    ...(englishName ? { name: translate(englishName) ?? englishName } : {}),
    ...(create
      ? {
          create: (options: Record<string, unknown> = {}) => {
            const created = create(options);
            const label = typeof created.label === 'string' && options.label === undefined ? translate(created.label) : undefined;
            return label ? { ...created, label } : created;
          },
        }
      : {}),
  };
  return renderer;
}

/** The module; `translate` answers undefined for a text it does not know (the English stays). */
export function fieldNamesModule(translate: (text: string) => string | undefined) {
  class TranslatedFieldNames {
    static $inject = ['formFields'];

    constructor(formFields: FormFields) {
      for (const [type, field] of Object.entries(formFields._formFields)) formFields.register(type, translatedRenderer(field, translate));
    }
  }
  return { __init__: ['translatedFieldNames'], translatedFieldNames: ['type', TranslatedFieldNames] as const };
}
