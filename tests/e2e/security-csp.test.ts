// Issue 10 defect 12 in a real browser: the designer (bpmn-js modeler, form-js editor) and Sparrow's Swagger UI page work
// under the Content-Security-Policy, with no violation reported.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed';
import type { ApiStack } from '../support/api';
import { button, openedDialog, openPage, screenshot, signIn } from './support/browser';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';
import { savePatrolReportForm } from './support/stallPatrol';

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;

beforeAll(async () => {
  journey = await startJourneyStack();
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(() => journey?.stop());

/** A page that records every CSP violation: the DOM event, and Chromium's console message about it. */
async function watchedPage(): Promise<{ page: Page; pageErrors: string[]; violations: string[] }> {
  const { page, pageErrors } = await openPage(browser, server.baseURL);
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, pageErrors, violations };
}

describe('the Content-Security-Policy in the browser', () => {
  it('should let the owner draw in the bpmn-js modeler and edit a form in form-js without a violation', async () => {
    // given the form the editor opens
    await savePatrolReportForm(await stack.as('owner'));
    const { page, pageErrors, violations } = await watchedPage();

    // when the owner signs in, creates a process in the modeler and opens the form editor
    await page.goto('/processes');
    await signIn(page, 'owner', DEMO_PASSWORD);
    await page.getByRole('button', { name: '新建流程' }).click();
    await button(await openedDialog(page), '创建').first().click();
    await page.locator('.djs-element[data-element-id="StartEvent_1"]').click();
    await page.locator('.djs-context-pad').waitFor();
    await screenshot(page, 'csp-01-modeler');
    await page.goto('/forms/patrol-report');
    await page.getByTestId('form-editor').locator('.fjs-palette-field').first().waitFor();
    await screenshot(page, 'csp-02-form-editor');

    // then nothing was blocked and nothing failed
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('should show Sparrow\'s API in Swagger UI under the policy', async () => {
    // given a browser page
    const { page, pageErrors, violations } = await watchedPage();

    // when it opens the API docs
    await page.goto('/api/docs');

    // then Swagger UI renders Sparrow's document with its operations, with nothing blocked
    await page.locator('.swagger-ui .info .title', { hasText: 'Sparrow API' }).waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    await screenshot(page, 'csp-03-swagger');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
