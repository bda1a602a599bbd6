// Types for the part of bpmn-moddle's API the compiler uses (the package ships none for its main entry).
declare module 'bpmn-moddle' {
  /** One import warning: an unknown element/attribute, an unresolved reference or a skipped subtree. */
  export interface ModdleWarning {
    message: string;
    element?: { id?: unknown };
    property?: string;
    value?: unknown;
    error?: Error;
  }

  /** What `fromXML` resolves to. */
  export interface ParseResult {
    rootElement: { $type: string };
    warnings: ModdleWarning[];
  }

  /** A BPMN moddle, extended with the given packages (e.g. the zeebe descriptor). */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    /** Parses BPMN XML; rejects with an Error carrying `warnings` when the text is not a BPMN document. */
    fromXML(xml: string): Promise<ParseResult>;
  }
}
