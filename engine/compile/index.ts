// The BPMN compiler: XML with zeebe extensions -> executable models (one per executable process), or element-named problems.
import type { ModelProblem } from '../../contracts/api/common';
import type { ExecutableModel } from '../model';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, guardInput } from './guards';
import { modelSha256 } from '../hash';
import { children, type BpmnElement } from './moddle';
import { checkNamespaces } from './namespaces';
import { parseDefinitions } from './parse';
import { Diagnostics } from './problems';
import { compileProcess } from './process';

export { modelSha256 } from '../hash';
export type { ProblemCode, WarningCode } from './problems';

/** Limits of one compilation. */
export interface CompileOptions {
  /** Largest accepted diagram in UTF-8 bytes; default 5 MB. */
  maxBytes?: number;
  /** Most XML elements accepted; default 50,000. */
  maxElements?: number;
}

/** One deployable process: its model and the model's hash (the identity of a deployed version). */
export interface CompiledProcess {
  model: ExecutableModel;
  /** Hex sha256 of the RFC 8785 canonical JSON of `model`. */
  sha256: string;
}

/** The outcome of a compilation: models when `problems` is empty, otherwise nothing runnable; warnings in both cases. */
export interface CompileResult {
  processes: CompiledProcess[];
  problems: ModelProblem[];
  warnings: ModelProblem[];
}

/** Compiles BPMN XML; problems non-empty means refused (processes then empty). Never throws for bad input. */
export async function compile(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const diagnostics = new Diagnostics();
  let models: ExecutableModel[] = [];
  try {
    models = await compileModels(xml, options.maxBytes ?? DEFAULT_MAX_BYTES, options.maxElements ?? DEFAULT_MAX_ELEMENTS, diagnostics);
  } catch (error) {
    diagnostics.problem('internal-error', `the compiler failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { problems, warnings } = diagnostics;
  if (problems.length > 0) return { processes: [], problems, warnings };
  return { processes: models.map((model) => ({ model, sha256: modelSha256(model) })), problems, warnings };
}

async function compileModels(xml: string, maxBytes: number, maxElements: number, diagnostics: Diagnostics): Promise<ExecutableModel[]> {
  if (!guardInput(xml, maxBytes, maxElements, diagnostics)) return [];
  const definitions = await parseDefinitions(xml, diagnostics);
  if (!definitions) return [];
  checkNamespaces(xml, diagnostics);
  const processes = children(definitions, 'rootElements').filter((element) => element.$type === 'bpmn:Process');
  const executable = processes.filter((process) => process.isExecutable === true);
  if (executable.length === 0) {
    diagnostics.problem('no-executable-process', `the diagram has no executable process${notExecutable(processes)}; set isExecutable="true" on the process to run`);
    return [];
  }
  return executable.map((process) => compileProcess(process, diagnostics));
}

function notExecutable(processes: BpmnElement[]): string {
  return processes.length ? ` (${processes.map((process) => `<${process.id}>`).join(', ')} not executable)` : '';
}
