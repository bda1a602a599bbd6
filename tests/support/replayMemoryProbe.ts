// Run as its own process (jest replaces Error.prepareStackTrace, which hides the leak): replays a recorded history
// `count` times through the audit replay, as the server does, and prints how much source-map's wasm memory grew.
// Usage: tsx tests/support/replayMemoryProbe.ts <history.json> <count>
import fs from 'node:fs';
import path from 'node:path';
import { replayHistory } from '../../audit/replay';

async function wasmBytes(): Promise<number> {
  const wasmModule = require.resolve('source-map/lib/wasm.js', { paths: [path.dirname(require.resolve('@temporalio/worker'))] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = await (require(wasmModule) as () => Promise<{ exports: { memory: WebAssembly.Memory } }>)();
  return wasm.exports.memory.buffer.byteLength;
}

async function main(): Promise<void> {
  const [file, count] = process.argv.slice(2);
  const history = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!(await replayHistory(history)).ok) throw new Error('the first replay failed');
  const before = await wasmBytes();
  for (let i = 0; i < Number(count); i += 1) {
    if (!(await replayHistory(history)).ok) throw new Error(`replay ${i + 2} failed`);
  }
  console.log(JSON.stringify({ grownBytes: (await wasmBytes()) - before }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
