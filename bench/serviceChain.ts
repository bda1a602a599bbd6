// Generates the benchmark process: a start event, N service tasks of type `bench.step` in a row, an end event.
import { bpmnDocument } from './bpmnDocument';

/** BPMN XML of a straight chain of `steps` service tasks. */
export function serviceChainXml(steps: number): string {
  const tasks = Array.from({ length: steps }, (_, i) => i + 1);
  const nodes = [
    '<bpmn:startEvent id="Start"><bpmn:outgoing>Flow_0</bpmn:outgoing></bpmn:startEvent>',
    ...tasks.map(
      (i) =>
        `<bpmn:serviceTask id="Step_${i}" name="Step ${i}"><bpmn:extensionElements><zeebe:taskDefinition type="bench.step" retries="3" /></bpmn:extensionElements><bpmn:incoming>Flow_${i - 1}</bpmn:incoming><bpmn:outgoing>Flow_${i}</bpmn:outgoing></bpmn:serviceTask>`,
    ),
    `<bpmn:endEvent id="End"><bpmn:incoming>Flow_${steps}</bpmn:incoming></bpmn:endEvent>`,
  ];
  const flows = [0, ...tasks].map((i) => {
    const source = i === 0 ? 'Start' : `Step_${i}`;
    const target = i === steps ? 'End' : `Step_${i + 1}`;
    return `<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${source}" targetRef="${target}" />`;
  });
  return bpmnDocument('Bench', 'bench-service-chain', 'Benchmark chain', [...nodes, ...flows]);
}
