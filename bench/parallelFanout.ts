// Generates the fan-out benchmark process: start → parallel split → N service tasks → parallel join → end.
import { bpmnDocument } from './bpmnDocument';

/** BPMN XML of `branches` service tasks of type `bench.step` between a parallel split and a parallel join. */
export function parallelFanoutXml(branches: number): string {
  const ids = Array.from({ length: branches }, (_, i) => i + 1);
  const task = (i: number) =>
    `<bpmn:serviceTask id="Task_${i}"><bpmn:extensionElements><zeebe:taskDefinition type="bench.step" retries="3" /></bpmn:extensionElements><bpmn:incoming>In_${i}</bpmn:incoming><bpmn:outgoing>Out_${i}</bpmn:outgoing></bpmn:serviceTask>`;
  const nodes = [
    '<bpmn:startEvent id="Start"><bpmn:outgoing>Flow_start</bpmn:outgoing></bpmn:startEvent>',
    `<bpmn:parallelGateway id="Split"><bpmn:incoming>Flow_start</bpmn:incoming>${ids.map((i) => `<bpmn:outgoing>In_${i}</bpmn:outgoing>`).join('')}</bpmn:parallelGateway>`,
    ...ids.map(task),
    `<bpmn:parallelGateway id="Join">${ids.map((i) => `<bpmn:incoming>Out_${i}</bpmn:incoming>`).join('')}<bpmn:outgoing>Flow_end</bpmn:outgoing></bpmn:parallelGateway>`,
    '<bpmn:endEvent id="End"><bpmn:incoming>Flow_end</bpmn:incoming></bpmn:endEvent>',
  ];
  const flows = [
    '<bpmn:sequenceFlow id="Flow_start" sourceRef="Start" targetRef="Split" />',
    ...ids.flatMap((i) => [
      `<bpmn:sequenceFlow id="In_${i}" sourceRef="Split" targetRef="Task_${i}" />`,
      `<bpmn:sequenceFlow id="Out_${i}" sourceRef="Task_${i}" targetRef="Join" />`,
    ]),
    '<bpmn:sequenceFlow id="Flow_end" sourceRef="Join" targetRef="End" />',
  ];
  return bpmnDocument('BenchFanout', 'bench-parallel-fanout', 'Benchmark fan-out', [...nodes, ...flows]);
}
