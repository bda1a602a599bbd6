// Jest global teardown: stops the run's FerretDB and removes its data.
import fs from 'node:fs';

/** Stops what globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__sparrowTestStack;
  if (!stack) return;
  const { ferretdb } = stack;
  if (ferretdb && ferretdb.exitCode === null) {
    const exited = new Promise((resolve) => ferretdb.once('exit', resolve));
    ferretdb.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  fs.rmSync(stack.dir, { recursive: true, force: true });
}
