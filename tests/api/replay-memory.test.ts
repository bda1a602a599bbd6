// Issue 10, API fuzzing (npm run test:fuzz): the server crashed (wasm "RuntimeError: unreachable" in source-map, under
// @temporalio/worker's Error.prepareStackTrace) after about 350 replays. Every in-process replay (replay-check, verify,
// export) parsed the replay bundle's source map into source-map's WebAssembly memory, and the SDK never frees it
// (removeWorkflowBundle drops the consumer without destroy()): 11.7 MB per replay until wasm32's 4 GB ran out.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/paths';

describe('replaying cases in a server process', () => {
  it('should not keep memory for each replay (the server ran out of it and crashed)', async () => {
    // when a process replays a recorded case six times, as the server does for replay-check, verify and export
    // (its own process: jest's Error.prepareStackTrace would hide the SDK's source mapping)
    const { stdout } = await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'tests/support/replayMemoryProbe.ts'), path.join(ROOT, 'tests/histories/timer-and-message.v2.json'), '5'],
      { cwd: ROOT, timeout: 120_000 },
    );

    // then the last five replays kept (next to) nothing of source-map's memory: it was 11.7 MB each
    const { grownBytes } = JSON.parse(stdout.trim().split('\n').pop()!) as { grownBytes: number };
    expect(grownBytes).toBeLessThan(2 ** 20);
  });
});
