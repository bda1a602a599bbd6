// The diagram-js service holding the forms a user task may link to; React fills it from GET /api/forms.

/** A form a user task may name in `zeebe:formDefinition formId`. */
export interface FormChoice {
  id: string;
  name: string | null;
}

interface EventBusLike {
  fire(event: string): void;
}

/** The list of forms offered by the properties panel's form picker. */
export default class FormCatalog {
  static $inject = ['eventBus'];

  private forms: readonly FormChoice[] = [];

  constructor(private readonly eventBus: EventBusLike) {}

  /** Replaces the offered forms and redraws the properties panel. */
  setForms(forms: readonly FormChoice[]): void {
    this.forms = forms;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  /** The offered forms. */
  getForms(): readonly FormChoice[] {
    return this.forms;
  }
}
