// The BPMN document around a benchmark's generated process (BPMN and Zeebe namespaces, one executable process).

/** BPMN XML of one executable process `processId` named `name` holding `elements` (nodes and flows, as XML). */
export function bpmnDocument(definitionsId: string, processId: string, name: string, elements: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${definitionsId}" targetNamespace="http://sparrow.local/bench">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true">
    ${elements.join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;
}
