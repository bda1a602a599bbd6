// What every browser journey runs against: the API stack serving the built designer, its HTTP server and Chromium.
import type { Browser } from 'playwright-core';
import { type ApiStack, startApiStack } from '../../support/api';
import { launchBrowser, listen } from './browser';
import { snapshotDesignerBuild } from './designerBuild';

/** A running journey stack; `stop` closes the browser, the server and the stack. */
export interface JourneyStack {
  stack: ApiStack;
  server: Awaited<ReturnType<typeof listen>>;
  browser: Browser;
  stop(): Promise<void>;
}

/** Starts the stack on its own copy of the designer build, runs `prepare` on it (deployments, cases), then serves it and starts Chromium. */
export async function startJourneyStack(prepare?: (stack: ApiStack) => Promise<void>): Promise<JourneyStack> {
  const designer = await snapshotDesignerBuild();
  let stack: ApiStack;
  try {
    stack = await startApiStack({ designerDir: designer.dir });
  } catch (error) {
    designer.dispose();
    throw error;
  }
  let server: JourneyStack['server'] | undefined;
  try {
    await prepare?.(stack);
    server = await listen(stack.app);
    const browser = await launchBrowser();
    const served = server;
    return {
      stack,
      server: served,
      browser,
      async stop() {
        await browser.close();
        await served.close();
        await stack.stop();
        designer.dispose();
      },
    };
  } catch (error) {
    await server?.close();
    await stack.stop();
    designer.dispose();
    throw error;
  }
}
