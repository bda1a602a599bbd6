/** @jest-environment jsdom */
// The case page against a fake API: whether a case still runs comes from its summary (the server marks a case whose
// workflow failed, was terminated or timed out `failed`, while the workflow's own state may still say running), so an
// ended case offers no task to open and says why. The diagram (bpmn-js cannot load in jest) is left out.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseView } from '../../../../designer/src/api/instances';
import { CasePage } from '../../../../designer/src/pages/Case';
import { demoUser, type FakeApi, installFakeApi, page, restoreFetch, taskRow } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

jest.mock('../../../../designer/src/components/CaseProgress', () => ({ CaseProgress: () => null }));

const id = 'street-whistle:CASE-1';
const caseUrl = `/api/instances/${encodeURIComponent(id)}`;

/** The case as `GET /api/instances/:id` answers: summary `status`, and the workflow query's `state`. */
function caseView(status: CaseView['status'], stateStatus: CaseView['state']['status'] = 'running'): CaseView {
  return {
    id,
    definitionKey: 'street-whistle',
    definitionVersion: 1,
    businessKey: 'CASE-1',
    street: 'bajiao',
    status,
    currentElements: status === 'running' ? ['Inspect'] : [],
    incidentCount: 0,
    startedBy: 'bajiao-staff',
    startedAt: '2026-11-27T08:00:00.000Z',
    endedAt: status === 'running' ? null : '2026-11-27T09:00:00.000Z',
    state: { status: stateStatus, activeElements: [{ elementId: 'Inspect', tokenId: 't1', since: '2026-11-27T08:00:00.000Z' }], openTasks: ['t1'], incidents: [], variables: {} },
  };
}

function routes(view: CaseView) {
  return {
    'GET /api/me': { body: demoUser('enforcement-staff') },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/definitions': page([{ key: 'street-whistle', name: '街道吹哨', version: 1, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' }]),
    [`GET ${caseUrl}`]: { body: view },
    'GET /api/tasks': page([taskRow()]),
  };
}

const renderCase = () => renderWithProviders(<CasePage params={{ id }} />);
const openButtons = () => screen.queryAllByRole('button', { name: /办\s?理/ });

describe('CasePage', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should list a running case\'s open tasks, each with a button to open it', async () => {
    api = installFakeApi(routes(caseView('running')));
    renderCase();

    expect(await screen.findByText('现场核查', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('case-status')).toHaveTextContent('办理中');
    expect(openButtons()).toHaveLength(1);
  });

  it('should name people by their display names: who started the case and who holds its task', async () => {
    // given a case started by bajiao-staff whose task bajiao-commander holds
    api = installFakeApi({
      ...routes(caseView('running')),
      'GET /api/tasks': page([taskRow({ assignee: 'bajiao-commander', status: 'claimed' })]),
      'GET /api/people': { body: { items: [{ username: 'bajiao-staff', displayName: '八角街道执法队员' }, { username: 'bajiao-commander', displayName: '八角街道指挥中心主任' }] } },
    });
    renderCase();

    // then neither username shows, their display names do
    expect(await screen.findByText('由 八角街道指挥中心主任 办理中', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('八角街道执法队员')).toBeInTheDocument();
    expect(screen.queryByText(/bajiao-staff|bajiao-commander/)).toBeNull();
  });

  it('should show a failed case as 异常终止 with why, and offer no task, although the workflow state still says running', async () => {
    // given a case whose workflow failed: the summary says failed, the workflow query still running
    api = installFakeApi(routes(caseView('failed', 'running')));
    renderCase();

    // then the status is the summary's, explained in one line, and nothing is offered to act on
    await waitFor(() => expect(screen.getByTestId('case-status')).toHaveTextContent('异常终止'));
    expect(screen.getByText('流程运行出错、被终止或超时，案件已停止，未完成的任务已取消。')).toBeInTheDocument();
    expect(screen.queryByText('待办任务')).toBeNull();
    expect(openButtons()).toEqual([]);
    expect(api.callsTo('GET /api/tasks')).toEqual([]);
  });

  it.each([
    ['completed', '已办结'],
    ['cancelled', '已撤销'],
  ] as const)('should show a %s case by its summary status with no task to open', async (status, label) => {
    api = installFakeApi(routes(caseView(status, 'running')));
    renderCase();

    await waitFor(() => expect(screen.getByTestId('case-status')).toHaveTextContent(label));
    expect(openButtons()).toEqual([]);
    expect(screen.queryByText('流程运行出错、被终止或超时，案件已停止，未完成的任务已取消。')).toBeNull();
  });

  it('should list the child cases of its call activities by step and process, in Chinese, with an incident in red and a link to each', async () => {
    // given: a call activity 逐个现场核查 started two cases of 现场核查, one with an incident
    const view: CaseView = {
      ...caseView('running'),
      children: [
        { instanceId: 'site-visit:S-1', elementId: 'VisitSites', definitionKey: 'site-visit', status: 'running', openIncidents: 0 },
        { instanceId: 'site-visit:S-2', elementId: 'VisitSites', definitionKey: 'site-visit', status: 'incident', openIncidents: 1 },
      ],
    };
    api = installFakeApi({
      ...routes(view),
      'GET /api/definitions': page([
        { key: 'street-whistle', name: '街道吹哨', version: 1, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' },
        { key: 'site-visit', name: '现场核查流程', version: 1, sha256: 'y', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' },
      ]),
      'GET /api/definitions/street-whistle/versions/1': { body: { key: 'street-whistle', version: 1, name: '街道吹哨', xml: '', model: { nodes: { VisitSites: { kind: 'callActivity', name: '逐个现场核查' } } }, warnings: [], forms: [] } },
    });
    renderCase();

    // then
    const card = (await screen.findByText('子案件（2 个）', {}, { timeout: 5000 })).closest('.ant-card') as HTMLElement;
    await waitFor(() => expect(within(card).getAllByText('逐个现场核查')).toHaveLength(2));
    expect(within(card).getAllByText('现场核查流程')).toHaveLength(2);
    expect(within(card).getByText('办理中')).toBeInTheDocument();
    expect(within(card).getByText('有 1 个异常')).toBeInTheDocument();
    expect(within(card).queryByText(/VisitSites|site-visit/)).toBeNull();

    // when: the second child is opened
    fireEvent.click(within(card).getAllByRole('button', { name: /查\s?看/ })[1]);

    // then
    await waitFor(() => expect(window.location.pathname).toBe(`/cases/${encodeURIComponent('site-visit:S-2')}`));
  });

  it('should link a child case to its parent case as 上级案件, and show no 子案件 without children', async () => {
    // given
    api = installFakeApi(routes({ ...caseView('running'), parent: { instanceId: 'campaign:C-1', elementId: 'VisitSites' }, children: [] }));
    renderCase();

    // when
    fireEvent.click(await screen.findByRole('button', { name: '上级案件' }, { timeout: 5000 }));

    // then
    await waitFor(() => expect(window.location.pathname).toBe(`/cases/${encodeURIComponent('campaign:C-1')}`));
    expect(screen.queryByText(/子案件/)).toBeNull();
  });
});
