// The integration project's Jest environment: Node's, plus a record of every open browser page when a test fails —
// a screenshot in test-results/e2e/failures/ and the page's URL, open dialogs and visible text on stderr — so a browser
// test that fails once in CI says what the page showed.
import fs from 'node:fs';
import path from 'node:path';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import type { Page } from 'playwright-core';
import { openBrowsers } from './openBrowsers';
import { ROOT } from './paths';

/** Where the failure screenshots go (git-ignored with the rest of test-results). */
const FAILURE_DIR = path.join(ROOT, 'test-results', 'e2e', 'failures');
/** The most a single page's record may take. */
const RECORD_TIMEOUT_MS = 5_000;

/** What `page` shows, in a few lines: its URL, the text of open dialogs and the start of its visible text. */
async function describePage(page: Page): Promise<string> {
  const shown = await page.evaluate(() => ({
    dialogs: [...document.querySelectorAll('[role="dialog"]')].map((dialog) => `${(dialog as HTMLElement).innerText.slice(0, 300)} [class ${dialog.closest('.ant-modal')?.className ?? '-'}]`),
    text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 600),
  }));
  return [`url: ${page.url()}`, ...shown.dialogs.map((dialog) => `dialog: ${dialog.replace(/\s+/g, ' ')}`), `text: ${shown.text}`].join('\n  ');
}

/** Resolves to `work`'s result, or to a note that it took longer than RECORD_TIMEOUT_MS. */
function bounded<T>(work: Promise<T>): Promise<T | string> {
  return Promise.race([work, new Promise<string>((resolve) => setTimeout(() => resolve(`(no answer in ${RECORD_TIMEOUT_MS} ms)`), RECORD_TIMEOUT_MS).unref())]);
}

/** Node's environment that records the open pages of a failed test. */
export default class FailureEnvironment extends TestEnvironment {
  /** On a failed test or hook, saves and describes every page the test's browsers hold. */
  async handleTestEvent(event: Circus.AsyncEvent): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const pages = openBrowsers(this.global).flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
    if (pages.length === 0) return;
    const name = event.name === 'test_fn_failure' ? event.test.name : event.hook.type;
    const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    fs.mkdirSync(FAILURE_DIR, { recursive: true });
    const lines = await Promise.all(
      pages.map(async (page, index) => {
        const file = path.join(FAILURE_DIR, `${slug}-${index + 1}.png`);
        await bounded(page.screenshot({ path: file }).catch(() => undefined));
        return `page ${index + 1} (${path.relative(ROOT, file)}):\n  ${await bounded(describePage(page).catch((error: Error) => `not readable: ${error.message}`))}`;
      }),
    );
    process.stderr.write(`\n[failed: ${name}] what the browser showed\n${lines.join('\n')}\n`);
  }
}
