// Minimal types for the bpmn.io packages that ship none; only what the designer calls.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export const ZeebePropertiesProviderModule: import('didi').ModuleDeclaration;
  export const ZeebeTooltipProvider: unknown;
  export function useService<T = unknown>(name: string): T;
}
declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: import('didi').ModuleDeclaration;
}
declare module '@bpmn-io/element-template-chooser' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
declare module 'bpmnlint' {
  /** bpmnlint's linter: runs the configured rules over a moddle tree. */
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    /** The findings by rule name; `config` (e.g. `{ rules: { name: 'error' } }`) instead of the constructor's. */
    lint(definitions: unknown, config?: unknown): Promise<Record<string, Array<{ id?: string; message: string; category: string }>>>;
  }
}
declare module 'bpmnlint/rules/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}
declare module 'bpmn-js-differ' {
  /** One changed element: the new model element and its changed attributes. */
  export interface ChangedEntry {
    model: { $type: string; id: string; name?: string };
    attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
  }
  /** What `diff` returns, keyed by element id. */
  export interface DiffResult {
    _added: Record<string, { $type: string; id: string; name?: string }>;
    _removed: Record<string, { $type: string; id: string; name?: string }>;
    _changed: Record<string, ChangedEntry>;
    _layoutChanged: Record<string, { $type: string; id: string; name?: string }>;
  }
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): DiffResult;
}
declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, string> };
  export default config;
}
declare module '@bpmn-io/properties-panel' {
  /** A select box entry of the properties panel (a preact component). */
  export function SelectEntry(props: {
    element: unknown;
    id: string;
    label: string;
    description?: string;
    getValue: (element: unknown) => string;
    setValue: (value: string) => void;
    getOptions: (element: unknown) => Array<{ value: string; label: string; disabled?: boolean }>;
  }): import('@bpmn-io/properties-panel/preact').VNode;
  export function isSelectEntryEdited(node: unknown): boolean;
  /** A text field entry of the properties panel (a preact component). */
  export function TextFieldEntry(props: {
    element: unknown;
    id: string;
    label: string;
    description?: string;
    debounce: (fn: (value: string) => void) => (value: string) => void;
    getValue: (element: unknown) => string;
    setValue: (value: string) => void;
    validate?: (value: string) => string | null;
  }): import('@bpmn-io/properties-panel/preact').VNode;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  /** The panel's plain group of entries (a preact component). */
  export const Group: unknown;
  /** The panel's group of a list of collapsible items with an add button (a preact component). */
  export const ListGroup: unknown;
}
