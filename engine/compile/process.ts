// One executable bpmn:Process -> ExecutableModel: walks its flow elements (and subprocesses), wires flows, validates.
import { IGNORED_ELEMENTS } from '../../contracts/bpmnElements';
import { MODEL_SCHEMA_VERSION, type ExecutableModel, type ModelFlow } from '../model';
import { attachBoundaryEvents } from './boundary';
import { checkClockActions, readClocks, usesLegalTime } from './clocks';
import { wireCompensation } from './compensation';
import { readDocumentation } from './documentation';
import { readFlow, type FlowEnds } from './flows';
import { readId } from './ids';
import { children, describe, text, type BpmnElement } from './moddle';
import { buildNode, checkUnsupportedFeatures } from './nodes';
import { processStartsOf } from './startEvents';
import { readStarters } from './starters';
import { readIcon, readInitiator } from './catalogue';
import type { Diagnostics } from './problems';
import { isNoneStart, isStartIn, validateModel } from './validate';

const IGNORED = new Set(IGNORED_ELEMENTS);

/** Deepest nesting of embedded subprocesses; deeper diagrams are refused rather than walked by deep recursion. */
const MAX_NESTING = 50;

/** Compiles one executable process; its problems and warnings go to `diagnostics`. */
export function compileProcess(process: BpmnElement, diagnostics: Diagnostics): ExecutableModel {
  const processId = readId(process, diagnostics) ?? '';
  checkUnsupportedFeatures(process, diagnostics);
  const ends: FlowEnds = { nodes: {}, refused: new Set() };
  const sequenceFlows: Array<[BpmnElement, string | null]> = [];
  collect(process, null, 0, ends, sequenceFlows, diagnostics);

  const flows: Record<string, ModelFlow> = {};
  for (const [element, scope] of sequenceFlows) {
    const flow = readFlow(element, scope, ends, diagnostics);
    if (!flow) continue;
    flows[flow.id] = flow;
    ends.nodes[flow.source].outgoing.push(flow.id);
    ends.nodes[flow.target].incoming.push(flow.id);
  }
  const nodes = Object.values(ends.nodes);
  const eventSubProcesses: string[] = [];
  for (const node of nodes) {
    if (node.kind !== 'subProcess') continue;
    const starts = nodes.filter((candidate) => (node.triggeredByEvent ? isStartIn(candidate, node.id) : isNoneStart(candidate, node.id)));
    if (starts.length === 1) node.startNodeId = starts[0].id;
    if (!node.triggeredByEvent) continue;
    const parent = node.scope === null ? undefined : ends.nodes[node.scope];
    if (parent?.kind === 'subProcess') (parent.eventSubProcesses ??= []).push(node.id);
    else eventSubProcesses.push(node.id);
  }
  attachBoundaryEvents(ends, diagnostics);
  wireCompensation(process, ends, diagnostics);

  const clocks = readClocks(process, diagnostics);
  checkClockActions(process, nodes, clocks, diagnostics);

  const name = text(process, 'name');
  const documentation = readDocumentation(process);
  const starters = readStarters(process, diagnostics);
  const initiatorVariable = readInitiator(process, diagnostics);
  const icon = readIcon(process, diagnostics);
  const model: ExecutableModel = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    processId,
    ...(name ? { name } : {}),
    ...(documentation ? { documentation } : {}),
    ...(starters ? { starters } : {}),
    ...(initiatorVariable ? { initiatorVariable } : {}),
    ...(icon ? { icon } : {}),
    startNodeIds: nodes.filter((node) => isNoneStart(node, null)).map((node) => node.id),
    ...optionalList('timerStartNodeIds', processStartsOf(nodes, 'timer')),
    ...optionalList('messageStartNodeIds', processStartsOf(nodes, 'message')),
    ...(eventSubProcesses.length > 0 ? { eventSubProcesses } : {}),
    nodes: ends.nodes,
    flows,
    ...(clocks ? { clocks } : {}),
  };
  if (usesLegalTime(model)) model.usesLegalTime = true;
  validateModel(model, diagnostics);
  return model;
}

function collect(
  container: BpmnElement,
  scope: string | null,
  depth: number,
  ends: FlowEnds,
  sequenceFlows: Array<[BpmnElement, string | null]>,
  diagnostics: Diagnostics,
): void {
  for (const element of children(container, 'flowElements')) {
    if (element.$type === 'bpmn:SequenceFlow') {
      sequenceFlows.push([element, scope]);
    } else if (IGNORED.has(element.$type)) {
      diagnostics.warning('ignored-element', `${describe(element)} is ignored at runtime`, element.id);
    } else {
      const node = buildNode(element, scope, diagnostics);
      const tooDeep = node?.kind === 'subProcess' && depth >= MAX_NESTING;
      if (tooDeep) diagnostics.problem('nesting-too-deep', `${describe(element)} is nested more than ${MAX_NESTING} subprocesses deep`, element.id);
      if (!node || tooDeep) {
        if (element.id) ends.refused.add(element.id);
        continue;
      }
      ends.nodes[node.id] = node;
      if (node.kind === 'subProcess') collect(element, node.id, depth + 1, ends, sequenceFlows, diagnostics);
    }
  }
  for (const artifact of children(container, 'artifacts')) {
    if (IGNORED.has(artifact.$type)) diagnostics.warning('ignored-element', `${describe(artifact)} is ignored at runtime`, artifact.id);
  }
}

/** `{ [name]: ids }`, or nothing when `ids` is empty (models without such start events keep their JSON). */
function optionalList<K extends string>(name: K, ids: string[]): Partial<Record<K, string[]>> {
  return ids.length > 0 ? ({ [name]: ids } as Record<K, string[]>) : {};
}
