// The modeler harness in Chromium for a browser spec file: served and launched before its tests, closed after them;
// `open` gives a fresh page with the blank diagram open.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../../e2e/support/browser';
import { serveHarness } from './harnessServer';

/** Registers the file's beforeAll/afterAll and returns how to open a fresh page on the harness in `locale`. */
export function useModelerPages(): (locale?: 'zh-CN' | 'en') => Promise<{ page: Page; pageErrors: string[] }> {
  let browser: Browser;
  let harness: Awaited<ReturnType<typeof serveHarness>>;

  beforeAll(async () => {
    harness = await serveHarness();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  return async (locale = 'zh-CN') => {
    const opened = await openPage(browser, harness.baseURL);
    await opened.page.goto(`/index.html?locale=${locale}`);
    await opened.page.waitForFunction(() => window.sparrowDraw !== undefined);
    return opened;
  };
}
