// The auditor's printable report in a real browser against the real stack: a 无照经营查处 case (processes/
// unlicensed-business.bpmn with its shipped forms in the library) is walked through its 不构成违法 path by the street's
// enforcement staff with the forms' data; the auditor opens the case's report from the audit page, which verifies the
// case, shows the chain head and the export's hashes as the API gives them and the steps in words, and prints it to PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../support/paths';
import { DEMO_PASSWORD } from '../../server/seed';
import { type ApiStack, enc } from '../support/api';
import { eventually } from '../support/wait';
import { button, openPage, signIn } from './support/browser';
import { completeTask } from '../support/caseTasks';
import { type JourneyStack, startJourneyStack } from './support/journeyStack';

const CASE_KEY = 'REPORT-E2E-1';
const CASE_ID = `unlicensed-business:${CASE_KEY}`;
/** Where the report's screenshot is kept with the docs. */
const SCREENSHOT = path.join(ROOT, 'docs/images/audit-report.png');

let stack: ApiStack;
let browser: Browser;
let server: JourneyStack['server'];
let journey: JourneyStack;
let tempDir: string;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-audit-report-'));
  journey = await startJourneyStack(async (started) => {
    // The owner saves the template's forms (as creating a process from the template does) and deploys it.
    const owner = await started.as('owner');
    const formDir = path.join(ROOT, 'processes/forms');
    for (const file of fs.readdirSync(formDir).filter((name) => name.startsWith('ub-'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(formDir, file), 'utf8')) as { id: string };
      await owner.put(`/api/forms/${schema.id}`, { schema }).expect(201);
    }
    const xml = fs.readFileSync(path.join(ROOT, 'processes/unlicensed-business.bpmn'), 'utf8');
    const deployed = await owner.post('/api/deployments', { xml, note: 'e2e audit report' }).expect(201);
    expect(deployed.body.warnings ?? []).toEqual([]);

    // 八角's enforcement staff find a lead, file it, find no violation (the 不构成违法 path) and close the case.
    const staff = await started.as('bajiao-staff');
    await staff.post('/api/instances', { definitionKey: 'unlicensed-business', businessKey: CASE_KEY, variables: {} }).expect(201);
    await completeTask(staff, CASE_ID, 'Task_File', { party: '张某', location: '八角北路 12 号', leadSource: '巡查发现', leadCheck: '现场有摊位经营水果，未见营业执照', filingOpinion: '同意立案' });
    await completeTask(staff, CASE_ID, 'Task_Investigate', { officers: '王某（11010001）、李某（11010002）', evidence: '经核查，当事人已于案发前取得营业执照，仅未悬挂', violationFound: false });
    await completeTask(staff, CASE_ID, 'Task_Close', { closingReport: '不构成无照经营，已告知当事人悬挂营业执照，归档' });
    await eventually(async () => ((await staff.get(`/api/instances/${enc(CASE_ID)}`).expect(200)).body.status === 'completed' ? true : undefined), `${CASE_ID} completed`);
    // the ledger sealer seals a closed case shortly after it closed: the report is read once it has (已封存, not 等待封存)
    const auditor = await started.as('auditor');
    await eventually(async () => (await auditor.get(`/api/instances/${enc(CASE_ID)}/audit`).expect(200)).body.seal ?? undefined, `the seal of ${CASE_ID}`);
  });
  ({ stack, server, browser } = journey);
}, 300_000);

afterAll(async () => {
  await journey?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('an auditor', () => {
  it('should open the audit report of a case, see it verified with its chain head and export hashes and the steps in words, and print it to PDF', async () => {
    // given: the chain head and the export's hashes as the API gives them
    const auditorApi = await stack.as('auditor');
    const rows = (await auditorApi.get(`/api/instances/${enc(CASE_ID)}/audit`).expect(200)).body.rows as Array<{ hash: string }>;
    const headHash = rows[rows.length - 1].hash;
    const exported = (await auditorApi.get(`/api/instances/${enc(CASE_ID)}/export`).expect(200)).body as { hashes: { audit: string; history: string; headHash: string }; signature: { keyId: string } };
    expect(exported.hashes.headHash).toBe(headHash);

    // when: the auditor opens the case's audit page and its report
    const { page, pageErrors } = await openPage(browser, server.baseURL);
    await page.goto(`/audit/${enc(CASE_ID)}`);
    await signIn(page, 'auditor', DEMO_PASSWORD);
    await page.getByRole('heading', { name: `审计：案件 ${CASE_KEY}` }).waitFor();
    await button(page, '审计报告').click();

    // then: the report verifies the case when it opens
    await page.getByRole('heading', { name: '案件审计报告' }).waitFor();
    const verdict = page.getByTestId('report-verdict');
    await verdict.waitFor({ timeout: 90_000 });
    expect(await verdict.innerText()).toContain('校验通过');
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    const report = page.getByTestId('audit-report');
    expect(await report.innerText()).toContain('已封存');

    // and: the case header: process and version, business key, street, who started it, when, its status
    const header = await page.getByTestId('report-case').innerText();
    for (const text of ['无照经营查处（第 1 版）', CASE_KEY, '八角街道', '八角街道执法队员', '已办结']) expect(header).toContain(text);

    // and: the chain head and the export's hashes, exactly as the API gives them
    await page.getByTestId('report-export-hash').waitFor();
    expect(await page.getByTestId('report-head-hash').innerText()).toBe(headHash);
    expect(await page.getByTestId('report-export-hash').innerText()).toBe(exported.hashes.audit);
    expect(await page.getByTestId('report-history-hash').innerText()).toBe(exported.hashes.history);
    expect(await page.getByTestId('report-signing-key').innerText()).toBe(exported.signature.keyId);

    // and: the steps in words — who by display name, what by the forms' labels and option labels, no variable names
    const steps = await page.getByTestId('report-steps').innerText();
    expect(steps).toContain('调查取证');
    expect(steps).toContain('八角街道执法队员');
    expect(steps).toContain('是否构成无照经营违法行为：不构成违法');
    expect(steps).toContain('线索来源：日常巡查发现');
    expect(steps).toContain('告知不予处罚');
    expect(steps).toContain('系统');
    expect(steps).toContain('通知人数：1');
    expect(steps).not.toMatch(/violationFound|leadSource|notifiedCount|bajiao-staff/);
    // and: the chain's records by their kinds in words
    const chain = await page.getByTestId('report-chain').innerText();
    expect(chain).toContain('案件发起');
    expect(chain).not.toMatch(/instance\.started|task\.completed/);
    // The docs' image is rewritten only when asked (SPARROW_DOC_SCREENSHOTS=1): an ordinary run leaves the checkout clean.
    if (process.env.SPARROW_DOC_SCREENSHOTS === '1') await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // when: they press 打印 / 导出 PDF (the browser's print dialog, stubbed here), and the page is printed to PDF
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await button(page, '打印 / 导出 PDF').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const pdfPath = path.join(tempDir, `${CASE_KEY}.audit-report.pdf`);
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });

    // then: a PDF is produced, and in print only the report shows (no app header, menu or buttons)
    expect(pdf.length).toBeGreaterThan(0);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(fs.statSync(pdfPath).size).toBe(pdf.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await button(page, '打印 / 导出 PDF').isVisible()).toBe(false);
    expect(await page.getByTestId('report-verdict').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
