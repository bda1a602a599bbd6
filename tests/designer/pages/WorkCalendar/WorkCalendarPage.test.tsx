/** @jest-environment jsdom */
// The 工作日历 page against a fake API: twelve month grids with 休 on days off and 班 on make-up working days, local
// adjustments outlined, a banner for a year whose holidays are not published yet, adjusting a day (admins), the
// versions table and the rollout of the newest version; other roles read the months only.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../../designer/src/api/auth';
import type { CalendarDay, CalendarVersion, CalendarYear } from '../../../../designer/src/api/calendar';
import { WorkCalendarPage } from '../../../../designer/src/pages/WorkCalendar';
import { type ApiCall, demoUser, type FakeApi, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

/** The days the server lists for 2026 besides plain weekdays and weekends: 国庆节, its make-up Sunday, a local day off. */
const SPECIAL_2026: CalendarDay[] = [
  { date: '2026-10-01', working: false, kind: 'holiday', holiday: '国庆节' },
  { date: '2026-10-02', working: false, kind: 'holiday', holiday: '国庆节' },
  { date: '2026-09-20', working: true, kind: 'makeup', holiday: '国庆节' },
  { date: '2026-12-31', working: false, kind: 'holiday', adjustment: { note: '区政府通知 2026-18 号', by: 'admin', at: '2026-11-30T08:00:00.000Z' } },
];

/** Every day of `year`, with `special` ones as given. */
function daysOf(year: number, special: CalendarDay[]): CalendarDay[] {
  const byDate = new Map(special.map((day) => [day.date, day]));
  const days: CalendarDay[] = [];
  for (let at = Date.UTC(year, 0, 1); new Date(at).getUTCFullYear() === year; at += 86_400_000) {
    const date = new Date(at).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(at).getUTCDay());
    days.push(byDate.get(date) ?? { date, working: !weekend, kind: weekend ? 'weekend' : 'workday' });
  }
  return days;
}

/** `GET /api/calendar?year=`: version 3 knows 2024–2026. */
function yearOf(call: ApiCall): { body: CalendarYear } {
  const year = Number(call.query.get('year'));
  return { body: { version: 3, sha256: 'c3', source: 'chinese-days@1.5.7 + 1 local adjustment', knownFrom: 2024, knownThrough: 2026, year, known: year >= 2024 && year <= 2026, days: daysOf(year, year === 2026 ? SPECIAL_2026 : []) } };
}

function version(n: number, change: CalendarVersion['change'], createdBy: string): CalendarVersion {
  return { version: n, sha256: `c${n}`, source: 'chinese-days@1.5.7', basePackage: 'chinese-days@1.5.7', baseSha256: 'b', knownFrom: 2024, knownThrough: 2026, adjustments: [], change, createdBy, createdAt: '2026-11-30T08:00:00.000Z', prevSha256: null, recordSha256: `r${n}` };
}

const VERSIONS = [
  version(3, { kind: 'adjustment.added', date: '2026-12-31', working: false, note: '区政府通知 2026-18 号' }, 'admin'),
  version(2, { kind: 'adjustment.removed', date: '2026-12-30' }, 'admin'),
  version(1, { kind: 'package' }, 'system'),
];

function routes(me: Me) {
  return {
    'GET /api/me': { body: me },
    'GET /api/calendar': yearOf,
    'GET /api/calendar/versions': { body: VERSIONS },
    'GET /api/calendar/rollout': { body: { version: 3, total: 8, updated: 5, failed: 0, skipped: 1, running: true } },
  };
}

const renderPage = () => renderWithProviders(<WorkCalendarPage />);
/** The open dialog, once it shows `title` (antd names every dialog by the same test id in jsdom, so not by its name). */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog).toHaveTextContent(title));
  return dialog;
}

/** The cell of `date` (a button for admins). */
const dayCell = (date: string) => document.querySelector(`[data-date="${date}"]`) as HTMLElement;

describe('WorkCalendarPage', () => {
  let api: FakeApi;
  beforeEach(() => window.history.replaceState(null, '', '/calendar?year=2026'));
  afterEach(restoreFetch);

  it('should show an admin the twelve months of the year with 休, 班 and the local adjustment outlined, the versions and the rollout', async () => {
    // given
    api = installFakeApi(routes(demoUser('admin')));
    renderPage();

    // then twelve months, 国庆节 休, its make-up Sunday 班, the local day off outlined
    await waitFor(() => expect(screen.getAllByRole('grid')).toHaveLength(12));
    expect(api.callsTo('GET /api/calendar')[0].query.get('year')).toBe('2026');
    expect(screen.getByRole('grid', { name: '十月' })).toBeInTheDocument();
    expect(dayCell('2026-10-01')).toHaveAttribute('data-marker', 'off');
    expect(dayCell('2026-10-01')).toHaveTextContent('休');
    expect(dayCell('2026-10-01')).toHaveAccessibleName('2026年10月1日：休息日（国庆节）');
    expect(dayCell('2026-09-20')).toHaveAttribute('data-marker', 'work');
    expect(dayCell('2026-09-20')).toHaveTextContent('班');
    expect(dayCell('2026-10-03')).not.toHaveAttribute('data-marker');
    expect(dayCell('2026-12-31')).toHaveAttribute('data-adjusted', 'true');
    expect(dayCell('2026-12-31')).toHaveAccessibleName(/本地调整：区政府通知 2026-18 号（admin）/);
    expect(screen.getByText('全国节假日数据 1.5.7，含 1 项本地调整')).toBeInTheDocument();
    expect(screen.queryByTestId('calendar-unknown-year')).toBeNull();

    // and the versions, newest first, in Chinese
    const versions = (await screen.findByText('版本记录')).closest('.ant-card') as HTMLElement;
    await waitFor(() => expect(within(versions).getAllByRole('row')).toHaveLength(4));
    const rows = within(versions).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toContain('2026-12-31 设为休息日：区政府通知 2026-18 号');
    expect(rows[1]).toContain('撤销 2026-12-30 的本地调整');
    expect(rows[2]).toContain('更新全国节假日数据（1.5.7）');
    expect(rows[2]).toContain('系统');
    expect(versions.textContent).not.toMatch(/adjustment\.|package|system/);

    // and the rollout
    expect(await screen.findByTestId('calendar-rollout')).toHaveTextContent('第 3 版：已更新 5 / 8 个在办案件');
  });

  it('should warn that a year outside the known years is not published yet', async () => {
    // given
    api = installFakeApi(routes(demoUser('admin')));
    renderPage();
    await waitFor(() => expect(screen.getAllByRole('grid')).toHaveLength(12));

    // when the next year is picked
    fireEvent.click(screen.getByRole('button', { name: '下一年' }));

    // then
    expect(await screen.findByTestId('calendar-unknown-year')).toHaveTextContent('2027 年的节假日安排尚未公布');
    expect(api.callsTo('GET /api/calendar').at(-1)?.query.get('year')).toBe('2027');
    expect(window.location.search).toBe('?year=2027');
  });

  it('should make a working day a day off with a note (admins), sending the date, working=false and the note', async () => {
    // given
    api = installFakeApi(routes(demoUser('admin')));
    api.answer('POST /api/calendar/adjustments', { status: 201, body: version(4, { kind: 'adjustment.added', date: '2026-12-30', working: false, note: '区政府通知 2026-19 号' }, 'admin') });
    renderPage();
    await waitFor(() => expect(dayCell('2026-12-30')?.tagName).toBe('BUTTON'));

    // when the day is clicked, the note left empty, then given
    fireEvent.click(dayCell('2026-12-30'));
    const dialog = await dialogTitled('调整 2026-12-30');
    expect(dialog).toHaveTextContent('现为：工作日');
    fireEvent.click(within(dialog).getByRole('button', { name: '设为休息日' }));
    expect(await within(dialog).findByText('请填写说明，如区政府通知的文号')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('说明'), '区政府通知 2026-19 号');
    fireEvent.click(within(dialog).getByRole('button', { name: '设为休息日' }));

    // then
    await waitFor(() => expect(api.callsTo('POST /api/calendar/adjustments')).toHaveLength(1));
    expect(api.callsTo('POST /api/calendar/adjustments')[0].body).toEqual({ date: '2026-12-30', working: false, note: '区政府通知 2026-19 号' });
    expect(await screen.findByText('已生成日历第 4 版，正在更新在办案件')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET /api/calendar/versions').length).toBeGreaterThan(1));
  });

  it('should remove a local adjustment, and say so in Chinese when the day already is so', async () => {
    // given
    api = installFakeApi(routes(demoUser('admin')));
    api.answer('DELETE /api/calendar/adjustments/2026-12-31', { body: version(4, { kind: 'adjustment.removed', date: '2026-12-31' }, 'admin') });
    api.answer('POST /api/calendar/adjustments', problem(409, 'calendar-unchanged'));
    renderPage();
    await waitFor(() => expect(dayCell('2026-12-31')?.tagName).toBe('BUTTON'));

    // when
    fireEvent.click(dayCell('2026-12-31'));
    const dialog = await dialogTitled('调整 2026-12-31');
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销本地调整' }));

    // then
    await waitFor(() => expect(api.callsTo('DELETE /api/calendar/adjustments/2026-12-31')).toHaveLength(1));

    // when another day is made a working day but the server says it already is
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(dayCell('2026-10-03'));
    const second = await dialogTitled('调整 2026-10-03');
    await userEvent.type(within(second).getByLabelText('说明'), '补班');
    const yearReads = api.callsTo('GET /api/calendar').length;
    fireEvent.click(within(second).getByRole('button', { name: '设为工作日' }));

    // then: the refusal in Chinese, and the year read again (the page shows the calendar as the server now has it)
    expect(await within(second).findByText('该日已是所选类型，日历没有变化')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET /api/calendar').length).toBeGreaterThan(yearReads));
  });

  it('should show other roles the months read-only, without versions, rollout or a day to click', async () => {
    // given
    api = installFakeApi(routes(demoUser('enforcement-staff')));
    renderPage();

    // then
    await waitFor(() => expect(screen.getAllByRole('grid')).toHaveLength(12));
    expect(screen.getByText('只读：仅管理员可以调整日历')).toBeInTheDocument();
    expect(dayCell('2026-10-01').tagName).toBe('DIV');
    expect(screen.queryAllByRole('button', { name: /2026年/ })).toEqual([]);
    expect(api.callsTo('GET /api/calendar/versions')).toEqual([]);
    expect(api.callsTo('GET /api/calendar/rollout')).toEqual([]);
  });

  it('should read in English after switching the language', async () => {
    // given
    window.localStorage.setItem('sparrow.locale', 'en');
    try {
      api = installFakeApi(routes(demoUser('admin')));
      renderPage();

      // then
      await waitFor(() => expect(screen.getAllByRole('grid')).toHaveLength(12));
      expect(screen.getByRole('grid', { name: 'October' })).toBeInTheDocument();
      expect(dayCell('2026-10-01')).toHaveTextContent('Off');
      expect(await screen.findByText('Versions')).toBeInTheDocument();
    } finally {
      window.localStorage.removeItem('sparrow.locale');
    }
  });
});
