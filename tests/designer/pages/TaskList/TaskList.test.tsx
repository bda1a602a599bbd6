/** @jest-environment jsdom */
// The task list page against a fake API: tabs by role with counts, what each tab asks the server, due highlighting,
// sorting, the server-side text filter, claiming, and no refused request for any role.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROCESS_LISTERS, ROLES, type Role } from '../../../../contracts/roles';
import { TaskList } from '../../../../designer/src/pages/TaskList';
import { type ApiCall, demoUser, type FakeApi, installFakeApi, page, problem, restoreFetch, taskRow } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const HOUR = 3600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const mine = taskRow({ id: 'p:CASE-M/Inspect/t1', businessKey: 'CASE-M', name: '复核', assignee: 'bajiao-enforcement-staff', status: 'claimed', dueDate: inHours(72) });
const overdue = taskRow({ id: 'p:CASE-A/Inspect/t1', businessKey: 'CASE-A', name: '现场核查', dueDate: inHours(-50), priority: 80 });
const near = taskRow({ id: 'p:CASE-B/Inspect/t1', businessKey: 'CASE-B', name: '拍照取证', dueDate: inHours(3), priority: 20 });
const undated = taskRow({ id: 'p:CASE-C/Inspect/t1', businessKey: 'CASE-C', name: '回访', dueDate: null, priority: 60 });

/** The server's answer to one task-list query: the tab decides the rows, `size=1` queries are the tab counts. */
function tasksOf(call: ApiCall) {
  const rows = call.query.get('mine') ? [mine] : call.query.get('myGroups') ? [undated, overdue, near] : [mine, undated, overdue, near];
  const total = rows.length + (call.query.get('myGroups') ? 10 : 0);
  return page(call.query.get('size') === '1' ? rows.slice(0, 1) : rows, total);
}

/** The routes of the page for a user of `role`; definitions answer 403 to roles the server refuses. */
function routesFor(role: Role) {
  return {
    'GET /api/me': { body: demoUser(role) },
    'GET /api/tasks': tasksOf,
    'GET /api/tasks/counts': { body: { mine: 1, group: 13, street: PROCESS_LISTERS.includes(role) ? 4 : null } },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/people': { body: { items: [{ username: 'bajiao-enforcement-staff', displayName: '八角街道执法队员' }] } },
    'GET /api/definitions': PROCESS_LISTERS.includes(role)
      ? page([{ key: 'street-whistle', name: '街道吹哨', version: 2, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' }])
      : problem(403, 'forbidden'),
  };
}

/** The task list queries (not the tab counts) sent so far. */
const listQueries = (api: FakeApi) => api.callsTo('GET /api/tasks').filter((call) => call.query.get('size') === '200');

describe('TaskList', () => {
  let api: FakeApi;
  beforeEach(() => window.history.replaceState(null, '', '/tasks'));
  afterEach(restoreFetch);

  it('should show my tasks and my groups\' tasks with their counts, and no street tab to enforcement staff', async () => {
    // given enforcement staff
    api = installFakeApi(routesFor('enforcement-staff'));

    // when the list opens
    renderWithProviders(<TaskList />);

    // then two tabs with the server's totals, mine first, asked for as mine=true with open and claimed tasks only
    expect(await screen.findByRole('tab', { name: /我的任务/ })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByLabelText('13 项')).toBeInTheDocument());
    expect(screen.getByLabelText('1 项')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: /本街道/ })).not.toBeInTheDocument();
    expect(await screen.findByText('复核')).toBeInTheDocument();
    expect(listQueries(api)[0].query.get('mine')).toBe('true');
    expect(listQueries(api)[0].query.get('status')).toBe('open,claimed');
    // and the counts come from the maintained tab counts, not from a list query per tab
    expect(api.callsTo('GET /api/tasks').filter((call) => call.query.get('size') === '1')).toEqual([]);
  });

  it('should give a street commander the 本街道 tab, which asks for the street without mine or myGroups', async () => {
    api = installFakeApi(routesFor('street-commander'));
    renderWithProviders(<TaskList />);

    await userEvent.click(await screen.findByRole('tab', { name: /本街道/ }));

    await waitFor(() => expect(listQueries(api).some((call) => call.query.get('street') === 'bajiao')).toBe(true));
    const street = listQueries(api).find((call) => call.query.get('street') === 'bajiao')!;
    expect(street.query.get('mine')).toBeNull();
    expect(street.query.get('myGroups')).toBeNull();
    expect(window.location.search).toBe('?tab=street');
  });

  it('should mark overdue tasks red and near-due ones orange with the time left, and list tasks without a due date last', async () => {
    // given my groups' tasks: one overdue by 50 hours, one due in 3 hours, one without a due date (listed first by the server)
    api = installFakeApi(routesFor('enforcement-staff'));
    renderWithProviders(<TaskList />);

    // when the group tab is chosen
    await userEvent.click(await screen.findByRole('tab', { name: /我组的任务/ }));
    const overdueRow = (await screen.findByText('现场核查')).closest('tr')!;

    // then the rows carry their due state and say how late or how soon
    expect(overdueRow).toHaveClass('sparrow-task-overdue');
    expect(within(overdueRow).getByText(/已逾期.*2天2小时/)).toBeInTheDocument();
    const nearRow = screen.getByText('拍照取证').closest('tr')!;
    expect(nearRow).toHaveClass('sparrow-task-near');
    expect(within(nearRow).getByText(/剩余.*2小时5\d分钟/)).toBeInTheDocument();
    const names = screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('link')[0].textContent);
    expect(names).toEqual(['现场核查', '拍照取证', '回访']);
  });

  it('should ask the server for the chosen order and for the searched text', async () => {
    api = installFakeApi(routesFor('enforcement-staff'));
    renderWithProviders(<TaskList />);
    await screen.findByText('复核');

    // when the order becomes priority
    await userEvent.click(screen.getByRole('combobox', { name: '排序' }));
    await userEvent.click(await screen.findByText('按优先级'));

    // then the list and the counts are asked for by priority
    await waitFor(() => expect(listQueries(api).at(-1)?.query.get('sort')).toBe('-priority'));

    // when a text is searched
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索任务名称或案件编号' }), ' 核查  CASE-A {enter}');

    // then the server gets it trimmed, with the order kept, for the list and the counts alike
    await waitFor(() => expect(listQueries(api).at(-1)?.query.get('text')).toBe('核查  CASE-A'));
    expect(listQueries(api).at(-1)?.query.get('sort')).toBe('-priority');
    const counts = api.callsTo('GET /api/tasks').filter((call) => call.query.get('size') === '1');
    expect(counts.at(-1)?.query.get('text')).toBe('核查  CASE-A');
  });

  it('should claim an unassigned task and open it', async () => {
    // given my groups' tasks, and a server that accepts the claim
    api = installFakeApi({ ...routesFor('enforcement-staff'), 'POST /api/tasks/p%3ACASE-B%2FInspect%2Ft1/claim': { body: { ...near, assignee: 'bajiao-enforcement-staff', status: 'claimed' } } });
    renderWithProviders(<TaskList />);
    await userEvent.click(await screen.findByRole('tab', { name: /我组的任务/ }));
    const row = (await screen.findByText('拍照取证')).closest('tr')!;

    // when its 认领 button is pressed
    await userEvent.click(within(row).getByRole('button', { name: /认\s?领/ }));

    // then the claim is sent with the CSRF token and the task page opens
    await waitFor(() => expect(window.location.pathname).toBe('/tasks/p%3ACASE-B%2FInspect%2Ft1'));
    const [claim] = api.callsTo('POST /api/tasks/p%3ACASE-B%2FInspect%2Ft1/claim');
    expect(claim.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(await screen.findByText('已认领「拍照取证」')).toBeInTheDocument();
  });

  describe('on a phone', () => {
    // The app reads the screen width through media queries: a 390 px screen, its min-/max-width conditions evaluated
    // (`not all and (…)` negated).
    const desktopMatchMedia = window.matchMedia;
    const widthMatches = (query: string, width: number): boolean => {
      const negated = query.trim().startsWith('not all and');
      const holds = [...query.matchAll(/\((min|max)-width:\s*([\d.]+)px\)/g)].every(([, side, px]) => (side === 'min' ? width >= Number(px) : width <= Number(px)));
      return negated ? !holds : holds;
    };
    beforeEach(() => {
      window.matchMedia = (query: string) => ({ ...desktopMatchMedia(query), matches: widthMatches(query, 390) });
    });
    afterEach(() => {
      window.matchMedia = desktopMatchMedia;
    });

    it('should show one card per task with its case, time left, status and priority instead of the table', async () => {
      // given my groups' tasks
      api = installFakeApi(routesFor('enforcement-staff'));

      // when the list opens on 我组的任务
      renderWithProviders(<TaskList />);
      await userEvent.click(await screen.findByRole('tab', { name: /我组的任务/ }));

      // then each task is a card saying what it is, which case, how long is left, who holds it and how urgent it is
      const card = await screen.findByRole('listitem', { name: '现场核查，案件 CASE-A' });
      expect(card).toHaveTextContent('案件 CASE-A');
      expect(card).toHaveTextContent(/已逾期/);
      expect(card).toHaveTextContent('待认领');
      expect(card).toHaveTextContent('优先级 紧急');
      expect(card).toHaveClass('sparrow-task-card-overdue');
      expect(within(screen.getByRole('list', { name: '任务列表' })).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
        '现场核查，案件 CASE-A',
        '拍照取证，案件 CASE-B',
        '回访，案件 CASE-C',
      ]);
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    });

    it('should claim from a card and open the task', async () => {
      // given my groups' tasks, and a server that accepts the claim
      api = installFakeApi({ ...routesFor('enforcement-staff'), 'POST /api/tasks/p%3ACASE-B%2FInspect%2Ft1/claim': { body: { ...near, assignee: 'bajiao-enforcement-staff', status: 'claimed' } } });
      renderWithProviders(<TaskList />);
      await userEvent.click(await screen.findByRole('tab', { name: /我组的任务/ }));

      // when the card's 认领 is pressed
      await userEvent.click(within(await screen.findByRole('listitem', { name: '拍照取证，案件 CASE-B' })).getByRole('button', { name: /认\s?领/ }));

      // then the task page opens
      await waitFor(() => expect(window.location.pathname).toBe('/tasks/p%3ACASE-B%2FInspect%2Ft1'));
      expect(api.callsTo('POST /api/tasks/p%3ACASE-B%2FInspect%2Ft1/claim')).toHaveLength(1);
    });
  });

  it.each(ROLES)('should send no request the server refuses for a %s, and name processes only for roles that may read them', async (role) => {
    // given the server's role rules
    api = installFakeApi(routesFor(role));

    // when the list has loaded
    renderWithProviders(<TaskList />);
    await screen.findByText('复核');
    await waitFor(() => expect(api.callsTo('GET /api/tasks/counts').length).toBeGreaterThanOrEqual(1));

    // then nothing was refused, and definitions were read only by roles that may
    expect(api.calls.filter((call) => call.status >= 400).map((call) => `${call.status} ${call.method} ${call.path}`)).toEqual([]);
    expect(api.callsTo('GET /api/definitions').length > 0).toBe(PROCESS_LISTERS.includes(role));
  });
});
