// Test harness for the compiler specs: fixtures beside the specs, one-process diagrams built inline, compile shortcuts.
import fs from 'node:fs';
import path from 'node:path';
import { compile, type CompileResult } from '../../../engine/compile';
import type { ExecutableModel } from '../../../engine/model';
import type { ModelProblem } from '../../../contracts/api/common';

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/** The text of a `.bpmn` fixture in `fixtures/`. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** A diagram with one executable process `Process_1` holding `body`; `rootElements` go beside it (messages). */
export function diagram(body: string, rootElements = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="true">${body}</bpmn:process>${rootElements}
</bpmn:definitions>`;
}

/** `diagram` with a none start event `Start` flowing into `target`, so only the element under test varies. */
export function startingAt(target: string, body: string, rootElements = ''): string {
  return diagram(`<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="Flow_Start" sourceRef="Start" targetRef="${target}" />${body}`, rootElements);
}

/** Compiles a diagram that must compile, and returns its single model. */
export async function compileModel(xml: string): Promise<ExecutableModel> {
  const result = await compile(xml);
  expect(result.problems).toEqual([]);
  expect(result.processes).toHaveLength(1);
  return result.processes[0].model;
}

/** Compiles a diagram that must be refused, and returns its problems. */
export async function problemsOf(xml: string): Promise<ModelProblem[]> {
  const result: CompileResult = await compile(xml);
  expect(result.processes).toEqual([]);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}
