// Compiles large diagrams on a worker thread with a time limit, so one upload cannot stall every other request.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compile, type CompileResult } from '../../engine/compile';

/** Diagrams up to this many characters compile on the request's thread (well under 100 ms); larger ones on a worker. */
export const INLINE_MAX_CHARS = 256 * 1024;
/** How long a worker may compile before it is stopped and the diagram refused. */
export const COMPILE_TIMEOUT_MS = 30_000;
/** How many diagrams compile on workers at once; more wait for a free worker. */
export const MAX_WORKERS = 2;

const COMPILER = path.resolve(__dirname, '../../engine/compile/index.ts');
// A worker thread does not inherit the test runner's or tsx's module hooks: it registers tsx's CommonJS hook itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.compiler).compile(workerData.xml).then((result) => parentPort.postMessage(result));
`;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function timedOut(timeoutMs: number): CompileResult {
  const message = `compiling the diagram took longer than ${timeoutMs / 1000} s and was stopped; simplify or split it`;
  return { processes: [], problems: [{ code: 'compile-timeout', message }], warnings: [] };
}

/** Compiles on a worker thread; a compilation over `timeoutMs` is stopped and answered with a `compile-timeout` problem. */
export async function compileOnWorker(xml: string, timeoutMs = COMPILE_TIMEOUT_MS): Promise<CompileResult> {
  const release = await slot();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { compiler: COMPILER, xml } });
  try {
    return await new Promise<CompileResult>((resolve, reject) => {
      const timer = setTimeout(() => resolve(timedOut(timeoutMs)), timeoutMs);
      worker.once('message', (result: CompileResult) => {
        clearTimeout(timer);
        resolve(result);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
    release();
  }
}

/** Compiles a diagram: small ones inline, large ones on a worker thread with a time limit. */
export const compileBounded = (xml: string): Promise<CompileResult> => (typeof xml === 'string' && xml.length > INLINE_MAX_CHARS ? compileOnWorker(xml) : compile(xml));
