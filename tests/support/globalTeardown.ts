// Jest global teardown: stops the run's FerretDB and removes its data.
import fs from 'node:fs';

/** Stops what globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__sparrowTestStack;
  if (!stack) return;
  await stack.ferretdb?.stop();
  fs.rmSync(stack.dir, { recursive: true, force: true });
}
