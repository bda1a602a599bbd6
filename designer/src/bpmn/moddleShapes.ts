// The few shapes of bpmn-js objects the properties-panel entries use (bpmn-js ships no types for them).

/** A moddle element: its type and its properties by name. */
export interface ModdleLike {
  $type: string;
  get(name: string): unknown;
}

/** A shape of the diagram with its business object. */
export interface ElementLike {
  businessObject: ModdleLike;
}

/** bpmn-js's bpmnFactory service: creates moddle elements. */
export interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleLike;
}
