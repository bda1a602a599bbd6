/** @jest-environment jsdom */
// The audit report against a fake API: it verifies the case when it opens (校验通过, or 校验未通过 naming the broken
// row), shows the chain head and the export's hashes as the API gives them, the steps in words — people by display
// name, the engine as 系统, variables by their form labels and choices by their option labels — and prints.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseView } from '../../../../designer/src/api/instances';
import { AuditReportPage } from '../../../../designer/src/pages/AuditReport';
import { demoUser, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

// jest does not load style sheets; the print style is checked by the browser test (tests/e2e/auditor-prints-report).
jest.mock('../../../../designer/src/pages/AuditReport/auditReport.css', () => ({}));

const id = 'unlicensed-business:CASE-7';
const caseUrl = `/api/instances/${encodeURIComponent(id)}`;
const HEAD = 'a'.repeat(64);
const hashes = { xml: '1'.repeat(64), model: '2'.repeat(64), history: '3'.repeat(64), audit: '4'.repeat(64), headHash: HEAD };

const view: CaseView = {
  id,
  definitionKey: 'unlicensed-business',
  definitionVersion: 2,
  businessKey: 'CASE-7',
  street: 'bajiao',
  status: 'completed',
  currentElements: [],
  incidentCount: 0,
  startedBy: 'bajiao-staff',
  startedAt: '2026-11-27T08:00:00.000Z',
  endedAt: '2026-11-27T09:00:00.000Z',
  state: { status: 'completed', activeElements: [], openTasks: [], incidents: [], variables: {} },
};

const row = (seq: number, kind: string, actor: string, elementId: string | null, hash: string) => ({
  seq,
  instanceId: id,
  at: `2026-11-27T08:0${seq}:00.000Z`,
  actor,
  kind,
  elementId,
  tokenId: null,
  definitionVersion: 2,
  dataJson: null,
  data: null,
  dataHash: null,
  prevHash: null,
  hash,
});

const timeline = [
  { index: 0, elementId: null, elementName: null, elementKind: 'case', tokenId: null, startedBy: 'bajiao-staff', actor: 'bajiao-staff', startedAt: '2026-11-27T08:00:00.000Z', endedAt: '2026-11-27T09:00:00.000Z', status: 'completed', data: { variables: {} }, auditSeqs: [1, 4] },
  {
    index: 1,
    elementId: 'Task_Investigate',
    elementName: '调查取证',
    elementKind: 'userTask',
    tokenId: 't1',
    startedBy: 'system',
    actor: 'bajiao-staff',
    startedAt: '2026-11-27T08:01:00.000Z',
    endedAt: '2026-11-27T08:02:00.000Z',
    status: 'completed',
    data: { variablesChanged: [{ seq: 2, changes: [{ name: 'violationFound', newHash: 'h1' }, { name: 'evidence', newHash: 'h2' }], values: { violationFound: false, evidence: '已取得执照' } }] },
    auditSeqs: [2],
  },
  { index: 2, elementId: 'Task_NoPenalty', elementName: null, elementKind: 'serviceTask', tokenId: 't1', startedBy: 'system', actor: 'system', startedAt: '2026-11-27T08:03:00.000Z', endedAt: '2026-11-27T08:03:00.000Z', status: 'completed', data: {}, auditSeqs: [3] },
];

const form = {
  id: 'ub-investigate',
  version: 1,
  name: '调查取证',
  sha256: 'x',
  savedBy: 'owner',
  savedAt: '2026-11-01T00:00:00Z',
  schema: {
    components: [
      { type: 'textarea', key: 'evidence', label: '调查取证情况' },
      { type: 'radio', key: 'violationFound', label: '是否构成违法', values: [{ label: '构成违法', value: true }, { label: '不构成违法', value: false }] },
    ],
  },
};

const verification = (ok: boolean) => ({
  instanceId: id,
  ok,
  firstBrokenSeq: ok ? null : 3,
  reason: ok ? null : 'hash-mismatch',
  chain: { ok, rows: 4, headHash: HEAD, lastSeq: 4, closed: true, ...(ok ? {} : { broken: { seq: 3, reason: 'hash-mismatch', message: '第 3 条记录的内容与哈希不符' } }) },
  seal: { status: 'sealed', ok: true, entry: { seq: 9, instanceId: id, street: 'bajiao', lastSeq: 4, headHash: HEAD, closedAt: '2026-11-27T09:00:00.000Z', prevHash: '0'.repeat(64), hash: 'b'.repeat(64) } },
  crossCheck: { status: 'checked', ok, compared: 4 },
});

function routes(ok: boolean) {
  return {
    'GET /api/me': { body: demoUser('auditor') },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/people': { body: { items: [{ username: 'bajiao-staff', displayName: '八角街道执法队员' }] } },
    [`GET ${caseUrl}`]: { body: view },
    [`GET ${caseUrl}/audit`]: {
      body: { instanceId: id, rows: [row(1, 'instance.started', 'bajiao-staff', null, 'c'.repeat(64)), row(2, 'task.completed', 'bajiao-staff', 'Task_Investigate', 'd'.repeat(64)), row(3, 'element.left', 'system', 'Task_NoPenalty', 'e'.repeat(64)), row(4, 'instance.completed', 'system', null, HEAD)], seal: null, links: { parent: null, children: [] } },
    },
    [`GET ${caseUrl}/history`]: { body: { instanceId: id, history: { events: [] }, timeline, replay: { ok: true } } },
    'GET /api/definitions/unlicensed-business/versions/2': {
      body: { key: 'unlicensed-business', version: 2, name: '无照经营查处', sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner', note: null, warnings: [], xml: '<xml/>', model: { nodes: { Task_Investigate: { name: '调查取证', kind: 'userTask' }, Task_NoPenalty: { name: '告知不予处罚', kind: 'serviceTask' } } }, forms: [{ formId: 'ub-investigate', version: 1 }] },
    },
    'GET /api/forms/ub-investigate': { body: form },
    [`POST ${caseUrl}/audit/verify`]: { body: verification(ok) },
    [`POST ${caseUrl}/replay-check`]: { body: { instanceId: id, ok: true, events: 42 } },
    [`GET ${caseUrl}/export`]: { body: { exportedAt: '2026-11-28T01:00:00.000Z', hashes, signature: { algorithm: 'Ed25519', keyId: 'f'.repeat(64), publicKey: 'PEM', value: 'sig' } } },
  };
}

describe('AuditReportPage', () => {
  afterEach(restoreFetch);

  it('should verify the case when it opens and show its head and export hashes and the steps in words', async () => {
    // given
    const api = installFakeApi(routes(true));

    // when
    renderWithProviders(<AuditReportPage params={{ id }} />);

    // then: verified, with the seal and the cross-check
    const verdict = await screen.findByTestId('report-verdict', {}, { timeout: 5000 });
    expect(verdict).toHaveTextContent('校验通过');
    expect(verdict).toHaveAttribute('data-ok', 'true');
    expect(api.callsTo(`POST ${caseUrl}/audit/verify`).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText('已封存 #9')).toBeInTheDocument();

    // and: the header in words, the hashes as the API gives them
    const header = screen.getByTestId('report-case');
    expect(header).toHaveTextContent('无照经营查处（第 2 版）');
    expect(await within(header).findByText('八角街道')).toBeInTheDocument();
    expect(within(header).getByText('已办结')).toBeInTheDocument();
    expect(screen.getByTestId('report-head-hash')).toHaveTextContent(HEAD);
    expect(await screen.findByTestId('report-export-hash')).toHaveTextContent(hashes.audit);
    expect(screen.getByTestId('report-history-hash')).toHaveTextContent(hashes.history);

    // and: the steps by display name, 系统, form labels and option labels; no username or variable name
    const steps = screen.getByTestId('report-steps');
    expect(await within(steps).findByText('是否构成违法：不构成违法')).toBeInTheDocument();
    expect(within(steps).getByText('调查取证情况：已取得执照')).toBeInTheDocument();
    expect(within(steps).getAllByText('八角街道执法队员').length).toBeGreaterThan(0);
    expect(within(steps).getByText('系统')).toBeInTheDocument();
    expect(within(steps).getByText('告知不予处罚')).toBeInTheDocument();
    expect(steps).not.toHaveTextContent(/bajiao-staff|violationFound/);

    // and: the chain's records by their kinds in words
    const chain = screen.getByTestId('report-chain');
    expect(within(chain).getByText('案件发起')).toHaveAttribute('title', 'instance.started');
  });

  it('should show the steps only once the forms that label their variables have loaded', async () => {
    // given: the form answers only when released
    let release: (value?: unknown) => void = () => undefined;
    const held = new Promise((resolve) => (release = resolve));
    const api = installFakeApi({ ...routes(true), 'GET /api/forms/ub-investigate': { body: form, held } });

    // when
    renderWithProviders(<AuditReportPage params={{ id }} />);
    await screen.findByTestId('report-verdict', {}, { timeout: 5000 });
    await waitFor(() => expect(api.callsTo('GET /api/forms/ub-investigate')).toHaveLength(1));

    // then: no raw variable name while the form loads, its labels after
    expect(screen.getByTestId('audit-report')).not.toHaveTextContent(/violationFound|evidence/);
    expect(screen.queryByTestId('report-steps')).toBeNull();
    release();
    expect(await within(await screen.findByTestId('report-steps')).findByText('是否构成违法：不构成违法')).toBeInTheDocument();
  });

  it('should say 校验未通过 and which record broke when the chain does not verify', async () => {
    // given
    installFakeApi(routes(false));

    // when
    renderWithProviders(<AuditReportPage params={{ id }} />);

    // then
    const verdict = await screen.findByTestId('report-verdict', {}, { timeout: 5000 });
    expect(verdict).toHaveTextContent('校验未通过');
    expect(verdict).toHaveAttribute('data-ok', 'false');
    expect(screen.getByText(/第 3 条记录的内容与哈希不符/)).toBeInTheDocument();
  });

  it('should print through the browser when 打印 / 导出 PDF is pressed', async () => {
    // given
    installFakeApi({ ...routes(true), [`GET ${caseUrl}/export`]: problem(503, 'unavailable') });
    const print = jest.fn();
    window.print = print;
    renderWithProviders(<AuditReportPage params={{ id }} />);

    // when
    fireEvent.click(await screen.findByRole('button', { name: '打印 / 导出 PDF' }, { timeout: 5000 }));

    // then
    expect(print).toHaveBeenCalledTimes(1);
  });
});
