// Drawing helpers of the modeler harness: what a modeller does with the palette, the context pad and the replace menu,
// done through the modeler's own services (palette drag-and-drop is not what the spec is about).
import type BpmnModeler from 'bpmn-js/lib/Modeler';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js services are untyped here */
type Shape = any;

/** A blank process with start event `StartEvent_1`. */
export const BLANK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="harness" name="边界事件" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="harness">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The drawing helpers over `modeler`. */
export function drawing(modeler: BpmnModeler) {
  const get = (name: string) => modeler.get(name) as any;
  const shape = (id: string): Shape => get('elementRegistry').get(id);
  const named = (element: Shape, name: string) => get('modeling').updateLabel(element, name);
  return {
    /** Appends an element of `type` (with `eventDefinitionType`; a subprocess expanded) after `sourceId`; its id. */
    append(sourceId: string, type: string, name: string, eventDefinitionType?: string): string {
      const attrs = type === 'bpmn:SubProcess' ? { type, isExpanded: true } : { type, eventDefinitionType };
      const appended = get('modeling').appendShape(shape(sourceId), get('elementFactory').createShape(attrs), undefined, undefined);
      named(appended, name);
      return appended.id;
    },
    /** Attaches a boundary event with `eventDefinitionType` to the bottom edge of `hostId`; its id. */
    attach(hostId: string, eventDefinitionType: string, name: string, cancelActivity = true): string {
      const host = shape(hostId);
      const boundary = get('elementFactory').createShape({ type: 'bpmn:BoundaryEvent', eventDefinitionType, cancelActivity });
      const created = get('modeling').createShape(boundary, { x: host.x + host.width / 2, y: host.y + host.height }, host, { attach: true });
      named(created, name);
      return created.id;
    },
    /** Gives user task `id` the candidate group `group` (zeebe:assignmentDefinition). */
    assignTo(id: string, group: string): void {
      const element = shape(id);
      const moddle = get('moddle');
      const assignment = moddle.create('zeebe:AssignmentDefinition', { candidateGroups: group });
      get('modeling').updateProperties(element, { extensionElements: moddle.create('bpmn:ExtensionElements', { values: [assignment] }) });
    },
    /** Sets the duration of timer event `id`. */
    timerDuration(id: string, duration: string): void {
      const element = shape(id);
      const definition = element.businessObject.eventDefinitions[0];
      get('modeling').updateModdleProperties(element, definition, { timeDuration: get('moddle').create('bpmn:FormalExpression', { body: duration }) });
    },
    /** Gives event `id` a new global error, escalation or signal (by its definition) named `name`, as the panel's "Create new ..." does. */
    reference(id: string, name: string): void {
      const element = shape(id);
      const definition = element.businessObject.eventDefinitions[0];
      const kind = definition.$type.replace(/^bpmn:(\w+)EventDefinition$/, '$1') as 'Error' | 'Escalation' | 'Signal';
      const definitions = modeler.getDefinitions() as any;
      const global = get('moddle').create(`bpmn:${kind}`, { id: `${kind}_${id}`, name });
      definitions.get('rootElements').push(global);
      global.$parent = definitions;
      get('modeling').updateModdleProperties(element, definition, { [`${kind.toLowerCase()}Ref`]: global });
    },
    /** Selects `id` (the properties panel shows it, the context pad opens). */
    select(id: string): void {
      get('selection').select(shape(id));
    },
    /** Lints the diagram now with the modeler's configuration: every finding, with its rule. */
    async lint(): Promise<Array<{ rule: string; id: string; message: string; category: string }>> {
      const results: Record<string, Array<{ id: string; message: string; category: string }>> = await get('linting').lint();
      const translate = get('translate');
      return Object.entries(results).flatMap(([rule, findings]) => findings.map((finding) => ({ ...finding, message: translate(finding.message), rule })));
    },
  };
}

/** The helpers' type, as the page exposes them. */
export type Drawing = ReturnType<typeof drawing>;
