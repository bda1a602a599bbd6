/** @jest-environment jsdom */
// 修改变量 on the case page against a fake API: only street commanders and admins see it; the form needs a reason,
// reads typed values as JSON where they are, offers the whole case or one active step (by its name), and sends
// PATCH /api/instances/:id/variables.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '../../../../designer/src/api/auth';
import type { CaseView } from '../../../../designer/src/api/instances';
import { CasePage } from '../../../../designer/src/pages/Case';
import { demoUser, type FakeApi, installFakeApi, page, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

jest.mock('../../../../designer/src/components/CaseProgress', () => ({ CaseProgress: () => null }));

const id = 'permit-check:XK-1';
const caseUrl = `/api/instances/${encodeURIComponent(id)}`;

const view: CaseView = {
  id,
  definitionKey: 'permit-check',
  definitionVersion: 1,
  businessKey: 'XK-1',
  street: 'bajiao',
  status: 'running',
  currentElements: ['Check'],
  incidentCount: 1,
  startedBy: 'bajiao-staff',
  startedAt: '2026-11-27T08:00:00.000Z',
  endedAt: null,
  state: { status: 'running', activeElements: [{ elementId: 'Check', tokenId: 'e3', since: '2026-11-27T08:00:00.000Z' }], openTasks: [], incidents: [], variables: {} },
};

function routes(me: Me) {
  return {
    'GET /api/me': { body: me },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/definitions': page([{ key: 'permit-check', name: '核验许可证', version: 1, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' }]),
    [`GET ${caseUrl}`]: { body: view },
    'GET /api/tasks': page([]),
    [`PATCH ${caseUrl}/variables`]: { body: view.state },
    'GET /api/definitions/permit-check/versions/1': { body: { key: 'permit-check', version: 1, model: { nodes: { Check: { id: 'Check', kind: 'serviceTask', name: '核验许可证号' } } } } },
  };
}

describe('修改变量 on the case page', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should NOT offer 修改变量 to a street staff member', async () => {
    api = installFakeApi(routes(demoUser('enforcement-staff')));
    renderWithProviders(<CasePage params={{ id }} />);
    // (once the page and who the user is have loaded)
    await screen.findByRole('button', { name: '返回任务列表' }, { timeout: 5000 });
    await waitFor(() => expect(api.callsTo('GET /api/me').length).toBeGreaterThan(0));
    expect(screen.queryByRole('button', { name: '修改变量' })).toBeNull();
  });

  it('should let a commander set a variable on a step with a reason, sending the typed value as JSON', async () => {
    // given a commander on a case stopped at 核验许可证号
    api = installFakeApi(routes(demoUser('street-commander')));
    renderWithProviders(<CasePage params={{ id }} />);
    fireEvent.click(await screen.findByRole('button', { name: '修改变量' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');

    // when the form is sent without a reason, then it says so and sends nothing
    fireEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    expect(await within(dialog).findByText('请填写修改理由')).toBeInTheDocument();
    expect(api.callsTo(`PATCH ${caseUrl}/variables`)).toHaveLength(0);

    // when the step is chosen by its name, a number typed and a reason given
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '修改范围' }));
    fireEvent.click(await screen.findByText('环节：核验许可证号'));
    fireEvent.change(within(dialog).getByLabelText('第 1 个变量名'), { target: { value: 'attempts' } });
    fireEvent.change(within(dialog).getByLabelText('第 1 个变量值'), { target: { value: '3' } });
    fireEvent.change(within(dialog).getByLabelText('修改理由'), { target: { value: '补录核验次数' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));

    // then the change is sent for that step's scope, the number as a number
    await waitFor(() => expect(api.callsTo(`PATCH ${caseUrl}/variables`)).toHaveLength(1));
    expect(api.callsTo(`PATCH ${caseUrl}/variables`)[0].body).toEqual({ variables: { attempts: 3 }, scope: 'e3', reason: '补录核验次数' });
    expect(await screen.findByText('变量已修改')).toBeInTheDocument();
  });
});
