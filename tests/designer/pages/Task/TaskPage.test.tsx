/** @jest-environment jsdom */
// The task page against a fake API. form-js and bpmn-js cannot load in jest (ES modules jest does not transform), so the
// form is a stand-in that records what the page gives it and answers as form-js's Form does; the browser journeys
// (tests/e2e) run the real form. What is tested here is the page's own logic around it.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Task } from '../../../../designer/src/api/tasks';
import { TaskPage } from '../../../../designer/src/pages/Task';
import { demoUser, type FakeApi, installFakeApi, problem, restoreFetch, taskRow } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

/** What the stand-in form was given and what it answers (form-js's `submit()`, its errors state, its keyed fields). */
const mockForm = {
  props: null as null | { data: Record<string, unknown>; readOnly: boolean; schemaKey: string },
  submitted: { data: {} as Record<string, unknown>, errors: {} as Record<string, string[]> },
  shownErrors: null as unknown,
  readOnly: null as unknown,
  fields: [] as Array<{ id: string; valuePath: string[] }>,
};

jest.mock('../../../../designer/src/pages/Task/TaskForm', () => {
  const { useEffect } = jest.requireActual<typeof import('react')>('react');
  const form = {
    submit: () => mockForm.submitted,
    _setState: (state: { errors: unknown }) => void (mockForm.shownErrors = state.errors),
    setProperty: (name: string, value: unknown) => void (name === 'readOnly' && (mockForm.readOnly = value)),
    get: () => ({ getAllKeyed: () => mockForm.fields }),
  };
  return {
    TaskForm: (props: { data: Record<string, unknown>; readOnly: boolean; schemaKey: string; onForm: (f: unknown) => void }) => {
      mockForm.props = props;
      useEffect(() => {
        props.onForm(form);
        return () => props.onForm(null);
      }, []);
      return <div data-testid="task-form" />;
    },
  };
});
jest.mock('../../../../designer/src/components/CaseProgress', () => ({ CaseProgress: () => null }));

const me = demoUser('enforcement-staff', { username: 'bajiao-staff', groups: ['enforcement'] });
const taskUrl = '/api/tasks/p%3ACASE-1%2FInspect%2Ft1';
const form = { id: 'inspection-form', version: 2, name: '现场核查表', sha256: 'x', savedBy: 'owner', savedAt: '2026-11-01T00:00:00Z', schema: { components: [] } };

/** The routes of the task page; `task` is the server's current row (claims change it). */
function routes(task: Task & Record<string, unknown>) {
  let current = { ...task, form, variables: { verdict: 'confirmed', area: 12 } };
  return {
    'GET /api/me': { body: me },
    'GET /api/org-units': { body: { items: [] } },
    'GET /api/definitions': { body: { items: [], page: 1, size: 200, total: 0 } },
    [`GET ${taskUrl}`]: () => ({ body: current }),
    [`POST ${taskUrl}/claim`]: () => {
      current = { ...current, assignee: me.username, status: 'claimed' };
      return { body: current };
    },
    [`POST ${taskUrl}/unclaim`]: () => {
      current = { ...current, assignee: null, status: 'open' };
      return { body: current };
    },
    [`POST ${taskUrl}/complete`]: { body: { id: task.id, status: 'completed', completedBy: me.username, case: { status: 'completed' } } },
  };
}

const open = taskRow({ id: 'p:CASE-1/Inspect/t1', formId: 'inspection-form' });
const mine = { ...open, assignee: 'bajiao-staff', status: 'claimed' as const };
const renderTask = () => renderWithProviders(<TaskPage params={{ id: 'p:CASE-1/Inspect/t1' }} />);
const button = (name: string) => screen.queryByRole('button', { name: new RegExp(name.split('').join('\\s?')) });

/** Waits for the stand-in form: its code is a lazy chunk, whose first load in a busy test run can take seconds. */
const formShown = () => screen.findByTestId('task-form', {}, { timeout: 10_000 });

describe('TaskPage', () => {
  let api: FakeApi;
  beforeEach(() => {
    mockForm.props = null;
    mockForm.submitted = { data: {}, errors: {} };
    mockForm.shownErrors = null;
    mockForm.fields = [];
  });
  afterEach(restoreFetch);

  it('should prefill the form with the case\'s variables and complete it for its holder', async () => {
    // given my claimed task, whose form the user filled in
    api = installFakeApi(routes(mine));
    renderTask();
    await formShown();
    mockForm.submitted = { data: { verdict: 'confirmed', area: 12, note: '已整改' }, errors: {} };

    // then the form shows the case's variables, editable, pinned to the form version
    expect(mockForm.props).toMatchObject({ data: { verdict: 'confirmed', area: 12 }, readOnly: false, schemaKey: 'inspection-form@2' });
    expect(screen.getByText('表单：现场核查表')).toBeInTheDocument();

    // when 完成任务 is pressed
    await userEvent.click(button('完成任务')!);

    // then the form's data is sent once with an idempotency key, and the page says the case is done
    expect(await screen.findByText('任务已完成，案件已办结')).toBeInTheDocument();
    const [complete] = api.callsTo(`POST ${taskUrl}/complete`);
    expect(complete.body).toEqual({ variables: { verdict: 'confirmed', area: 12, note: '已整改' } });
    expect(complete.headers['Idempotency-Key']).toMatch(/.{16,}/);
    expect(mockForm.readOnly).toBe(true);
    expect(button('完成任务')).not.toBeInTheDocument();
  });

  it('should keep a form that fails the browser\'s validation, sending nothing', async () => {
    // given a form-js validation error
    api = installFakeApi(routes(mine));
    renderTask();
    await formShown();
    mockForm.submitted = { data: {}, errors: { Field_verdict: ['Field is required.'] } };

    // when 完成任务 is pressed
    await userEvent.click(button('完成任务')!);

    // then the user is told, and the server never hears of it
    expect(await screen.findByText('表单有未通过校验的字段，请检查后再提交')).toBeInTheDocument();
    expect(api.callsTo(`POST ${taskUrl}/complete`)).toEqual([]);
  });

  it('should put the server\'s field errors on the fields they name, in Chinese, and list those without a field', async () => {
    // given a server that refuses the area and a variable no field shows
    api = installFakeApi({
      ...routes(mine),
      [`POST ${taskUrl}/complete`]: problem(422, 'invalid-form-data', {
        errors: [
          { path: 'body.variables.area', message: 'must be at most 100' },
          { path: 'body.variables.secret', message: 'is not a field of the form' },
        ],
      }),
    });
    renderTask();
    await formShown();
    mockForm.fields = [
      { id: 'Field_verdict', valuePath: ['verdict'] },
      { id: 'Field_area', valuePath: ['area'] },
    ];
    mockForm.submitted = { data: { verdict: 'confirmed', area: 500 }, errors: {} };

    // when 完成任务 is pressed
    await userEvent.click(button('完成任务')!);

    // then the area field shows the translated message, and the unplaced error is listed above the form
    expect(await screen.findAllByText('服务器校验未通过，请按提示修改')).not.toHaveLength(0);
    expect(mockForm.shownErrors).toEqual({ Field_area: [expect.stringContaining('100')] });
    expect((mockForm.shownErrors as Record<string, string[]>).Field_area[0]).not.toMatch(/must be/);
    expect(screen.getByText('变量 secret：表单中没有此字段')).toBeInTheDocument();
    expect(screen.queryByText(/is not a field|body\.variables/)).toBeNull();
  });

  it('should offer 认领 on an open task of my group, show the form read-only until then, and 退回 afterwards', async () => {
    // given an open task of my group
    api = installFakeApi(routes(open));
    renderTask();
    await formShown();

    // then it can be claimed, not completed, and the form is read-only
    expect(button('认领')).toBeInTheDocument();
    expect(button('完成任务')).not.toBeInTheDocument();
    expect(button('退回')).not.toBeInTheDocument();
    expect(screen.getByText('认领后才能填写表单并完成任务。')).toBeInTheDocument();
    expect(mockForm.props?.readOnly).toBe(true);

    // when it is claimed
    await userEvent.click(button('认领')!);

    // then the task is mine: 退回 and 完成任务 appear and the form becomes editable
    await waitFor(() => expect(button('完成任务')).toBeInTheDocument());
    expect(button('退回')).toBeInTheDocument();
    expect(button('认领')).not.toBeInTheDocument();
    expect(mockForm.props?.readOnly).toBe(false);
    expect(api.callsTo(`POST ${taskUrl}/claim`)).toHaveLength(1);

    // when it is given back, it is open again
    await userEvent.click(button('退回')!);
    await waitFor(() => expect(button('认领')).toBeInTheDocument());
    expect(api.callsTo(`POST ${taskUrl}/unclaim`)).toHaveLength(1);
  });

  it('should say who holds a task someone else claimed, offering nothing to do', async () => {
    api = installFakeApi(routes({ ...open, assignee: 'bajiao-other', status: 'claimed' }));
    renderTask();
    await formShown();

    expect(screen.getByText('由 bajiao-other 办理中')).toBeInTheDocument();
    expect(['认领', '退回', '完成任务'].map(button)).toEqual([null, null, null]);
    expect(mockForm.props?.readOnly).toBe(true);
  });

  it('should show what the task\'s documentation asks of the people doing it', async () => {
    // given a task whose element is documented
    const documentation = '至少两名执法人员，出示执法证件。\n制作现场检查笔录。';
    api = installFakeApi(routes(mine));
    api.answer(`GET ${taskUrl}`, () => ({ body: { ...mine, form, variables: {}, documentation } }));
    renderTask();

    // then it shows above the form, line breaks kept
    const guidance = await screen.findByTestId('task-documentation');
    expect(guidance).toHaveTextContent('办理须知');
    expect(guidance).toHaveTextContent('至少两名执法人员，出示执法证件。');
    expect(guidance).toHaveTextContent('制作现场检查笔录。');
  });

  it('should give a task without a form a comment box and 完成任务, never a variable editor for staff', async () => {
    // given my claimed task without a form
    api = installFakeApi(routes(mine));
    api.answer(`GET ${taskUrl}`, () => ({ body: { ...mine, formId: null, form: null, variables: {}, documentation: null } }));
    renderTask();
    const comment = await screen.findByRole('textbox', { name: '办理意见' });

    // then there is no variable editor and nothing 高级
    expect(screen.queryByRole('textbox', { name: '第 1 个变量名' })).toBeNull();
    expect(screen.queryByText('高级')).toBeNull();
    expect(screen.queryByTestId('task-documentation')).toBeNull();

    // when a comment is written and 完成任务 pressed
    await userEvent.type(comment, '  已到场核实，摊位已撤离  ');
    await userEvent.click(button('完成任务')!);

    // then the comment is sent as taskComment, trimmed
    await waitFor(() => expect(api.callsTo(`POST ${taskUrl}/complete`)).toHaveLength(1));
    expect(api.callsTo(`POST ${taskUrl}/complete`)[0].body).toEqual({ variables: { taskComment: '已到场核实，摊位已撤离' } });
  });

  it('should complete a task without a form with nothing when no comment is written', async () => {
    api = installFakeApi(routes(mine));
    api.answer(`GET ${taskUrl}`, () => ({ body: { ...mine, formId: null, form: null, variables: {} } }));
    renderTask();
    await screen.findByRole('textbox', { name: '办理意见' });

    await userEvent.click(button('完成任务')!);

    await waitFor(() => expect(api.callsTo(`POST ${taskUrl}/complete`)).toHaveLength(1));
    expect(api.callsTo(`POST ${taskUrl}/complete`)[0].body).toEqual({ variables: {} });
  });

  it('should offer nothing on a completed task', async () => {
    api = installFakeApi(routes({ ...open, assignee: 'bajiao-staff', status: 'completed', completedBy: 'bajiao-staff', completedAt: '2026-11-27T09:00:00Z' }));
    renderTask();
    await formShown();

    expect(screen.getByTestId('task-status')).toHaveTextContent('已完成');
    expect(['认领', '退回', '完成任务'].map(button)).toEqual([null, null, null]);
    expect(mockForm.props?.readOnly).toBe(true);
  });
});
