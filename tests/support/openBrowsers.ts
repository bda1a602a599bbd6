// The browsers a test file has open, kept on its global so that tests/support/failureEnvironment.ts can record what
// their pages showed when a test fails.
import type { Browser } from 'playwright-core';

const KEY = '__sparrowOpenBrowsers';

type Registry = Record<string, Set<Browser> | undefined>;

/** Registers `browser` on the test file's global until it disconnects. */
export function registerBrowser(browser: Browser): void {
  const registry = globalThis as unknown as Registry;
  (registry[KEY] ??= new Set()).add(browser);
  browser.on('disconnected', () => registry[KEY]?.delete(browser));
}

/** The connected browsers registered on `testGlobal` (a test file's global, as its environment sees it). */
export function openBrowsers(testGlobal: object): Browser[] {
  return [...((testGlobal as Registry)[KEY] ?? [])].filter((browser) => browser.isConnected());
}
