// Browser-test helpers: Debian's Chromium driven by playwright-core at 1366×768 in zh-CN, screenshots, signing in.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { registerBrowser } from '../../support/openBrowsers';
import { ROOT } from '../../support/paths';

/** The Chromium the tests drive (scripts/setup --with-browser installs Debian's). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'e2e');
/** The office screen the UI must fit. */
export const VIEWPORT = { width: 1366, height: 768 };

/** Starts headless Chromium, registered for the failure record of tests/support/failureEnvironment.ts. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run scripts/setup --with-browser or set CHROMIUM_PATH`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  registerBrowser(browser);
  return browser;
}

/** Serves `app` on a free port of 127.0.0.1; resolves to its base URL and a closer. */
export async function listen(app: Express): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A phone the street work is done on. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };
/** A phone as the browser presents it: its viewport, the page's meta viewport honoured, touch events. */
export const PHONE = { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true };

/** How a page is shown: the viewport, and for a phone `isMobile` and `hasTouch`. */
export interface Screen {
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
}

/**
 * A page of a fresh browser context (own cookies) at `screen` (a viewport, 1366×768 unless given, or a Screen such as
 * PHONE), Chinese, Beijing time; uncaught page errors are collected.
 */
export async function openPage(browser: Browser, baseURL: string, screen: { width: number; height: number } | Screen = VIEWPORT): Promise<{ page: Page; pageErrors: string[] }> {
  const device = 'viewport' in screen ? screen : { viewport: screen };
  const context = await browser.newContext({ baseURL, ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** The images the README and docs show. */
export const DOC_IMAGES_DIR = path.join(ROOT, 'docs', 'images');

/**
 * Saves what the viewport shows as test-results/e2e/<name>.png; with `docImage`, a screenshot the docs show, also as
 * docs/images/<docImage>.png when SPARROW_DOC_SCREENSHOTS=1 (so an ordinary run leaves the committed images alone).
 */
export async function screenshot(page: Page, name: string, { docImage }: { docImage?: string } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  if (docImage && process.env.SPARROW_DOC_SCREENSHOTS === '1') fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(DOC_IMAGES_DIR, `${docImage}.png`));
}

/** Whether the page is no wider than the viewport (nothing to scroll sideways). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
}

/** Signs in through the login page (the app shows it at any URL while nobody is signed in). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await button(page, '登录').click();
  await page.getByTestId('current-user').waitFor();
}

/** antd dialogs, drawers and select dropdowns still in their opening motion (rc-motion's `…-appear` / `…-enter` classes). */
const OPENING = ['.ant-modal', '.ant-drawer-content-wrapper', '.ant-select-dropdown'].flatMap((panel) => [`${panel}[class*="-appear"]`, `${panel}[class*="-enter"]`]).join(', ');

/** Resolves once no antd dialog, drawer or select dropdown of `page` is still moving into place (see openedDialog). */
export async function popupsOpened(page: Page): Promise<void> {
  await page.locator(OPENING).first().waitFor({ state: 'detached' });
}

/**
 * The dialog `page` shows (the one named `name` when given) once it has finished opening. antd zooms a modal in (and
 * slides a drawer); a click while it still moves can land beside its target, since Playwright measures the target a
 * moment before it presses, and is lost: the dialog then never closes (seen in the work-calendar journey, whose failure
 * record showed the modal still zooming in when 设为休息日 was pressed).
 */
export async function openedDialog(page: Page, name?: string): Promise<Locator> {
  const dialog = name ? page.getByRole('dialog', { name }) : page.getByRole('dialog');
  await dialog.waitFor();
  await popupsOpened(page);
  return dialog;
}

/** The button labelled `label` in `scope` (antd puts a space between the two characters of a two-character label: 认 领). */
export function button(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${[...label].join('\\s*')}$`) });
}
