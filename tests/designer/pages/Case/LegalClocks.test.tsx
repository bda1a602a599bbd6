/** @jest-environment jsdom */
// The case page's 法定时限 panel against a fake API: each clock's status, time used and left, deadline (暂定 when the
// calendar does not know the year yet), near in orange and overdue in red, its suspensions and extensions, and the
// 中止 / 恢复 / 延期 forms — shown only to street commanders, admins and the clock's approvers — sent to the API.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClockView } from '../../../../contracts/legalTime';
import type { Me } from '../../../../designer/src/api/auth';
import type { CaseView } from '../../../../designer/src/api/instances';
import { CasePage } from '../../../../designer/src/pages/Case';
import { demoUser, type FakeApi, installFakeApi, page, problem, restoreFetch, taskRow } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

jest.mock('../../../../designer/src/components/CaseProgress', () => ({ CaseProgress: () => null }));

const id = 'unlicensed-business:ZF-2026-001';
const caseUrl = `/api/instances/${encodeURIComponent(id)}`;
const clockUrl = (name: string, action: string) => `${caseUrl}/clocks/${encodeURIComponent(name)}/${action}`;

/** 办案期限: 90 calendar days from 1 Oct 2026, near its deadline (2 days left), the deadline in a year not yet published. */
function caseClock(overrides: Partial<ClockView> = {}): ClockView {
  return {
    name: '办案期限',
    status: 'running',
    startedAt: '2026-10-01T10:00:00.000+08:00',
    startedBy: 'Register',
    suspensions: [],
    extensions: [],
    deadline: '2026-12-30T23:59:59.000+08:00',
    provisional: true,
    unit: 'calendarDays',
    length: 90,
    elapsed: 88,
    remaining: 2,
    extendedDays: 0,
    urgency: 'near',
    approvers: ['legal-review'],
    warnWithin: 10,
    ...overrides,
  };
}

/** 公示期: 20 working days, three working days overdue. */
const noticeClock: ClockView = {
  name: '公示期',
  status: 'running',
  startedAt: '2026-10-09T09:00:00.000+08:00',
  startedBy: 'Announce',
  suspensions: [],
  extensions: [],
  deadline: '2026-11-06T23:59:59.000+08:00',
  provisional: false,
  unit: 'workingDays',
  length: 20,
  elapsed: 23,
  remaining: -3,
  extendedDays: 0,
  urgency: 'overdue',
  approvers: [],
  warnWithin: 3,
};

function caseView(clocks: ClockView[], status: CaseView['status'] = 'running'): CaseView {
  return {
    id,
    definitionKey: 'unlicensed-business',
    definitionVersion: 1,
    businessKey: 'ZF-2026-001',
    street: 'bajiao',
    status,
    currentElements: ['Investigate'],
    incidentCount: 0,
    startedBy: 'bajiao-staff',
    startedAt: '2026-10-01T08:00:00.000Z',
    endedAt: status === 'running' ? null : '2026-12-01T08:00:00.000Z',
    state: { status: 'running', activeElements: [], openTasks: [], incidents: [], variables: {} },
    clocks,
  };
}

function routes(view: CaseView, me: Me) {
  return {
    'GET /api/me': { body: me },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/definitions': page([{ key: 'unlicensed-business', name: '无照经营查处', version: 1, sha256: 'x', deployedAt: '2026-09-01T00:00:00Z', deployedBy: 'owner' }]),
    [`GET ${caseUrl}`]: { body: view },
    'GET /api/tasks': page([taskRow({ instanceId: id, dueDate: '2026-12-30T23:59:59.000+08:00', dueProvisional: true })]),
  };
}

const commander = demoUser('street-commander');
const renderCase = () => renderWithProviders(<CasePage params={{ id }} />);
/** The panel's entry of clock `name`. */
const clockEntry = async (name: string) => (await screen.findByRole('listitem', { name }, { timeout: 5000 })) as HTMLElement;
/** The open dialog, once it shows `title` (antd names every dialog by the same test id in jsdom, so not by its name). */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog).toHaveTextContent(title));
  return dialog;
}
const button = (within_: HTMLElement, name: RegExp) => within(within_).getByRole('button', { name });

describe('the case page\'s 法定时限 panel', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should show each clock in Chinese: status, start, used, left (near orange, overdue red), deadline with 暂定 explained', async () => {
    // given a commander on a case with a near clock (deadline provisional) and an overdue working-day clock
    api = installFakeApi(routes(caseView([caseClock(), noticeClock]), commander));
    renderCase();

    // then 办案期限 is running, 2 days left in orange, its deadline provisional
    const main = await clockEntry('办案期限');
    expect(main).toHaveAttribute('data-urgency', 'near');
    expect(within(main).getByTestId('clock-status')).toHaveTextContent('计时中');
    expect(within(main).getByTestId('clock-remaining')).toHaveTextContent('剩余 2 天');
    expect(within(main).getByTestId('clock-remaining').className).toMatch(/orange/);
    expect(within(main).getByText('90 天')).toBeInTheDocument();
    expect(within(main).getByText('88 天')).toBeInTheDocument();
    expect(within(main).getByTestId('clock-deadline')).toHaveTextContent('2026年12月30日');
    fireEvent.mouseEnter(within(main).getByText('暂定'));
    expect(await screen.findAllByText('次年节假日安排尚未公布，此日期暂按周末推算，公布后可能调整。')).not.toHaveLength(0);

    // and 公示期 is overdue by 3 working days in red, firm
    const notice = await clockEntry('公示期');
    expect(notice).toHaveAttribute('data-urgency', 'overdue');
    expect(within(notice).getByTestId('clock-remaining')).toHaveTextContent('已超期 3 个工作日');
    expect(within(notice).getByTestId('clock-remaining').className).toMatch(/red/);
    expect(within(notice).queryByText('暂定')).toBeNull();

    // and the open task's due date is marked provisional too; nothing shows an id or an engine word
    const tasks = await screen.findByRole('list', { name: '待办任务' });
    expect(within(tasks).getByText('暂定')).toBeInTheDocument();
    const panel = screen.getByRole('list', { name: '法定时限' });
    expect(panel.textContent).not.toMatch(/Register|calendarDays|workingDays|running|near|overdue|legal-review/);
    expect(api.callsTo(`GET ${caseUrl}`).length).toBeGreaterThan(0);
  });

  it('should extend a clock through the 延期 form: days and reason required, then the new deadline shows', async () => {
    // given
    api = installFakeApi(routes(caseView([caseClock()]), commander));
    api.answer(`POST ${clockUrl('办案期限', 'extend')}`, (call) => {
      const days = (call.body as { days: number }).days;
      return { body: { clocks: [caseClock({ deadline: '2027-01-29T23:59:59.000+08:00', remaining: 2 + days, urgency: 'normal', extendedDays: days, extensions: [{ days, reason: '案情复杂，需补充调查', by: 'bajiao-street-commander', at: '2026-12-28T09:00:00.000+08:00' }] })] } };
    });
    renderCase();
    const main = await clockEntry('办案期限');

    // when the form is sent empty
    fireEvent.click(button(main, /延\s?期/));
    const dialog = await dialogTitled('延长「办案期限」');
    fireEvent.click(within(dialog).getByRole('button', { name: /延\s?期/ }));

    // then both fields say what they need, and nothing is sent
    expect(await within(dialog).findByText('请填写延长天数')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写理由')).toBeInTheDocument();
    expect(api.callsTo(`POST ${clockUrl('办案期限', 'extend')}`)).toHaveLength(0);

    // when 30 days are asked with a reason (the case is refetched with the new clocks after)
    api.answer(`GET ${caseUrl}`, { body: caseView([caseClock({ deadline: '2027-01-29T23:59:59.000+08:00', remaining: 32, urgency: 'normal', extendedDays: 30, extensions: [{ days: 30, reason: '案情复杂，需补充调查', by: 'bajiao-street-commander', at: '2026-12-28T09:00:00.000+08:00' }] })]) });
    await userEvent.type(within(dialog).getByLabelText('延长天数（自然日）'), '30');
    await userEvent.type(within(dialog).getByLabelText('理由'), '案情复杂，需补充调查');
    fireEvent.click(within(dialog).getByRole('button', { name: /延\s?期/ }));

    // then the API got days and reason, and the panel shows the new deadline, the extension and who approved it
    await waitFor(() => expect(api.callsTo(`POST ${clockUrl('办案期限', 'extend')}`)).toHaveLength(1));
    expect(api.callsTo(`POST ${clockUrl('办案期限', 'extend')}`)[0].body).toEqual({ days: 30, reason: '案情复杂，需补充调查' });
    const updated = await clockEntry('办案期限');
    await waitFor(() => expect(within(updated).getByTestId('clock-deadline')).toHaveTextContent('2027年1月29日'));
    expect(updated).toHaveAttribute('data-urgency', 'normal');
    expect(within(updated).getByText(/^延期 30 天（/)).toBeInTheDocument();
    expect(within(updated).getByText('批准人：bajiao-street-commander')).toBeInTheDocument();
    expect(within(updated).getByText(/（已延期 30 天）/)).toBeInTheDocument();
  });

  it('should suspend a clock on a ground chosen from 听证 / 公告 / 检测鉴定 / 当事人原因 / 其他', async () => {
    // given
    api = installFakeApi(routes(caseView([caseClock()]), commander));
    const suspended = caseClock({ status: 'suspended', deadline: null, remaining: null });
    api.answer(`POST ${clockUrl('办案期限', 'suspend')}`, () => {
      api.answer(`GET ${caseUrl}`, { body: caseView([suspended]) });
      return { body: { clocks: [suspended] } };
    });
    renderCase();
    const main = await clockEntry('办案期限');

    // when
    fireEvent.click(button(main, /中\s?止/));
    const dialog = await dialogTitled('中止「办案期限」');
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(5));
    expect([...document.querySelectorAll('.ant-select-item-option')].map((option) => option.textContent)).toEqual(['听证', '公告', '检测鉴定', '当事人原因', '其他']);
    fireEvent.click(document.querySelector('.ant-select-item-option[title="听证"]') as HTMLElement);
    await userEvent.type(within(dialog).getByLabelText('理由'), '当事人申请听证');
    fireEvent.click(within(dialog).getByRole('button', { name: /中\s?止/ }));

    // then
    await waitFor(() => expect(api.callsTo(`POST ${clockUrl('办案期限', 'suspend')}`)).toHaveLength(1));
    expect(api.callsTo(`POST ${clockUrl('办案期限', 'suspend')}`)[0].body).toEqual({ ground: 'hearing', reason: '当事人申请听证' });
    await waitFor(async () => expect(within(await clockEntry('办案期限')).getByTestId('clock-status')).toHaveTextContent('已中止'));
  });

  it('should show a suspended clock with its suspension (起止、依据、理由、操作人) and offer 恢复, sending the reason', async () => {
    // given
    const suspended = caseClock({
      status: 'suspended',
      deadline: null,
      remaining: null,
      urgency: 'normal',
      suspensions: [
        { from: '2026-10-10T09:00:00.000+08:00', to: '2026-10-20T09:00:00.000+08:00', ground: 'inspection', reason: '样品送检', by: 'bajiao-street-commander', resumedBy: 'bajiao-street-commander', resumeReason: '检测报告已出' },
        { from: '2026-11-02T09:00:00.000+08:00', ground: 'hearing', reason: '当事人申请听证', by: 'bajiao-street-commander' },
      ],
    });
    api = installFakeApi(routes(caseView([suspended]), commander));
    api.answer(`POST ${clockUrl('办案期限', 'resume')}`, { body: { clocks: [caseClock()] } });
    renderCase();
    const main = await clockEntry('办案期限');

    // then
    expect(within(main).getByTestId('clock-status')).toHaveTextContent('已中止');
    expect(within(main).getByTestId('clock-remaining')).toHaveTextContent('中止期间不计时');
    expect(within(main).getByTestId('clock-deadline')).toHaveTextContent('中止期间暂不确定');
    const records = within(main).getByRole('list', { name: '中止记录' });
    expect(within(records).getAllByRole('listitem')).toHaveLength(2);
    expect(records).toHaveTextContent('检测鉴定');
    expect(records).toHaveTextContent('理由：样品送检');
    expect(records).toHaveTextContent('恢复操作人：bajiao-street-commander（检测报告已出）');
    expect(records).toHaveTextContent(/2026年11月2日.*至 今/);
    expect(records).toHaveTextContent('听证');
    expect(within(main).queryByRole('button', { name: /中\s?止/ })).toBeNull();

    // when
    fireEvent.click(button(main, /恢\s?复/));
    const dialog = await dialogTitled('恢复「办案期限」计时');
    await userEvent.type(within(dialog).getByLabelText('理由'), '听证已结束');
    fireEvent.click(within(dialog).getByRole('button', { name: /恢\s?复/ }));

    // then
    await waitFor(() => expect(api.callsTo(`POST ${clockUrl('办案期限', 'resume')}`)[0]?.body).toEqual({ reason: '听证已结束' }));
  });

  it.each([
    ['an admin', true, demoUser('admin')],
    ['staff in the clock\'s approver group', true, demoUser('enforcement-staff', { groups: ['enforcement-staff', 'legal-review'] })],
    ['staff not among its approvers', false, demoUser('enforcement-staff')],
    ['an auditor', false, demoUser('auditor')],
  ] as const)('should show the buttons to %s: %s', async (_, offered, me) => {
    // given
    api = installFakeApi(routes(caseView([caseClock()]), me));
    renderCase();

    // then
    const main = await clockEntry('办案期限');
    await waitFor(() => expect(within(main).queryAllByRole('button')).toHaveLength(offered ? 2 : 0));
  });

  it('should offer no button on a case that has ended, and show a stopped clock as 已停止', async () => {
    // given
    api = installFakeApi(routes(caseView([caseClock({ status: 'stopped', stoppedAt: '2026-11-20T10:00:00.000+08:00', urgency: 'normal', remaining: 40 })], 'completed'), commander));
    renderCase();

    // then
    const main = await clockEntry('办案期限');
    expect(within(main).getByTestId('clock-status')).toHaveTextContent('已停止');
    expect(within(main).getByTestId('clock-remaining')).toHaveTextContent('已停止计时');
    expect(within(main).getByText('停止于')).toBeInTheDocument();
    expect(within(main).queryAllByRole('button')).toHaveLength(0);
  });

  it('should show a refusal in Chinese in the form without the server\'s English', async () => {
    // given
    api = installFakeApi(routes(caseView([caseClock()]), commander));
    api.answer(`POST ${clockUrl('办案期限', 'extend')}`, problem(409, 'clock-state-conflict', { detail: 'clock 办案期限 is stopped' }));
    renderCase();
    fireEvent.click(button(await clockEntry('办案期限'), /延\s?期/));
    const dialog = await dialogTitled('延长「办案期限」');

    // when
    await userEvent.type(within(dialog).getByLabelText('延长天数（自然日）'), '5');
    await userEvent.type(within(dialog).getByLabelText('理由'), '补充调查');
    fireEvent.click(within(dialog).getByRole('button', { name: /延\s?期/ }));

    // then
    expect(await within(dialog).findByText('未能延期')).toBeInTheDocument();
    expect(within(dialog).getByText('时限当前的状态不允许此操作，请刷新页面后再试')).toBeInTheDocument();
    expect(dialog.textContent).not.toMatch(/stopped|clock-state-conflict/);
  });

  it('should show no panel for a case without clocks', async () => {
    // given
    api = installFakeApi(routes({ ...caseView([]), clocks: undefined }, commander));
    renderCase();

    // then
    await screen.findByRole('heading', { name: '案件 ZF-2026-001' }, { timeout: 5000 });
    expect(screen.queryByText('法定时限')).toBeNull();
  });
});
