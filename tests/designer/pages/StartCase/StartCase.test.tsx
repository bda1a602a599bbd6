/** @jest-environment jsdom */
// The start page against a fake API: pick a process (only those the user may start), read its description, the form's
// own checks, its start form (a stand-in for form-js, which jest cannot load) and what is sent, no raw variables for
// staff (operators keep them under 高级), the server's refusals on their fields, and residents picking a process by name.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../../../contracts/roles';
import { StartCasePage } from '../../../../designer/src/pages/StartCase';
import { demoUser, type FakeApi, installFakeApi, page, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders, SignedIn } from '../../support/renderWithProviders';

/** What the stand-in start form was given and what its `submit()` answers. */
const mockForm = {
  props: null as null | { data: Record<string, unknown>; schemaKey: string; readOnly: boolean },
  submitted: { data: {} as Record<string, unknown>, errors: {} as Record<string, string[]> },
};

jest.mock('../../../../designer/src/pages/Task/TaskForm', () => {
  const { useEffect } = jest.requireActual<typeof import('react')>('react');
  const form = { submit: () => mockForm.submitted, get: () => ({ getAllKeyed: () => [] }), _setState: () => undefined };
  return {
    TaskForm: (props: { data: Record<string, unknown>; schemaKey: string; readOnly: boolean; onForm: (f: unknown) => void }) => {
      mockForm.props = props;
      useEffect(() => {
        props.onForm(form);
        return () => props.onForm(null);
      }, []);
      return <div data-testid="task-form" />;
    },
  };
});

const description = '街道发现问题、吹哨报到，相关部门到场处置。';
const whistleStart = { key: 'street-whistle', version: 3, name: '街道吹哨', documentation: description, formId: null, form: null };
const reportForm = { id: 'report-form', version: 2, name: '上报信息', sha256: 'x', savedBy: 'owner', savedAt: '2026-11-01T00:00:00Z', schema: { components: [] } };

const started = { id: 'street-whistle:CASE-7', definitionKey: 'street-whistle', version: 3, businessKey: 'CASE-7', street: 'bajiao' };

function routes(role: Role) {
  return {
    'GET /api/me': { body: demoUser(role) },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/definitions': page([{ key: 'street-whistle', name: '街道吹哨', version: 3, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' }]),
    'GET /api/definitions/street-whistle/start': { body: whistleStart },
    'POST /api/instances': { status: 201, body: started },
  };
}

/** Renders the page once the user is known, as the app does. */
async function renderStart() {
  renderWithProviders(
    <SignedIn>
      <StartCasePage />
    </SignedIn>,
  );
  await screen.findByRole('button', { name: /发\s?起/ });
}

const submit = () => userEvent.click(screen.getByRole('button', { name: /发\s?起/ }));

/** Waits for the stand-in form: its code is a lazy chunk, whose first load in a busy test run can take seconds. */
const formShown = () => screen.findByTestId('task-form', {}, { timeout: 10_000 });

describe('StartCasePage', () => {
  let api: FakeApi;
  beforeEach(() => {
    window.history.replaceState(null, '', '/start');
    mockForm.props = null;
    mockForm.submitted = { data: {}, errors: {} };
  });
  afterEach(restoreFetch);

  it('should refuse to send without a process or with a bad business key, naming the fields', async () => {
    api = installFakeApi(routes('enforcement-staff'));
    await renderStart();

    // when the business key has a space and no process is chosen
    const key = screen.getByRole('textbox', { name: '案件编号' });
    await userEvent.clear(key);
    await userEvent.type(key, 'CASE 7');
    await submit();

    // then both fields say what is wrong, and nothing is sent
    expect(await screen.findByText('请选择流程')).toBeInTheDocument();
    expect(screen.getByText('第 5 个字符是空格（U+0020），不能使用，只能用字母、数字和 - _ . # ( ) （ ） 〔 〕 【 】')).toBeInTheDocument();
    expect(api.callsTo('POST /api/instances')).toEqual([]);
  });

  it('should offer only the processes the user may start, show what the chosen one is for, and start it with no variable editor', async () => {
    api = installFakeApi(routes('enforcement-staff'));
    await renderStart();

    // when a process is picked (by its name) and a business key given
    await userEvent.click(screen.getByRole('combobox', { name: '流程' }));
    await userEvent.click(await screen.findByText('街道吹哨'));
    const key = screen.getByRole('textbox', { name: '案件编号' });
    await userEvent.clear(key);
    await userEvent.type(key, 'CASE-7');

    // then its description shows, and there is neither a variable editor nor a street choice (the user has one street)
    expect(await screen.findByTestId('process-description')).toHaveTextContent(description);
    expect(screen.queryByRole('textbox', { name: '第 1 个变量名' })).toBeNull();
    expect(screen.queryByText('高级')).toBeNull();
    expect(screen.queryByRole('combobox', { name: '所属街道' })).toBeNull();
    expect(api.callsTo('GET /api/definitions')[0].query.get('startable')).toBe('true');

    // when it is started
    await submit();

    // then the case is started in the only street the user has, with no variables, once, and its page opens
    await waitFor(() => expect(window.location.pathname).toBe('/cases/street-whistle%3ACASE-7'));
    const [start] = api.callsTo('POST /api/instances');
    expect(start.body).toEqual({ definitionKey: 'street-whistle', businessKey: 'CASE-7', street: 'bajiao', variables: {} });
    expect(start.headers['Idempotency-Key']).toBeTruthy();
    expect(await screen.findByText('已发起案件 CASE-7')).toBeInTheDocument();
  });

  it('should start with what the start form holds, and send nothing while the form has errors', async () => {
    // given a process with a start form
    api = installFakeApi({ ...routes('enforcement-staff'), 'GET /api/definitions/street-whistle/start': { body: { ...whistleStart, formId: 'report-form', form: reportForm } } });
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();
    await formShown();
    expect(mockForm.props).toMatchObject({ data: {}, readOnly: false, schemaKey: 'report-form@2' });
    expect(screen.getByText('上报信息')).toBeInTheDocument();

    // when the form has an error and 发起 is pressed
    mockForm.submitted = { data: {}, errors: { Field_place: ['Field is required.'] } };
    await submit();

    // then nothing is sent
    expect(await screen.findByText('表单有未通过校验的字段，请检查后再提交')).toBeInTheDocument();
    expect(api.callsTo('POST /api/instances')).toEqual([]);

    // when the form is filled in and 发起 is pressed again
    mockForm.submitted = { data: { place: '模式口大街 12 号', urgent: true }, errors: {} };
    await submit();

    // then the form's data starts the case
    await waitFor(() => expect(api.callsTo('POST /api/instances')).toHaveLength(1));
    expect(api.callsTo('POST /api/instances')[0].body).toMatchObject({ definitionKey: 'street-whistle', variables: { place: '模式口大街 12 号', urgent: true } });
  });

  it('should let an operator give raw variables under 高级 when the process has no start form', async () => {
    api = installFakeApi(routes('admin'));
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();
    await screen.findByTestId('process-description');

    // when 高级 is opened and two variables typed
    await userEvent.click(screen.getByText('高级'));
    await userEvent.type(await screen.findByRole('textbox', { name: '第 1 个变量名' }), 'priority');
    await userEvent.type(screen.getByRole('textbox', { name: '第 1 个变量值' }), '80');
    await userEvent.click(screen.getByRole('button', { name: '添加变量' }));
    await userEvent.type(screen.getByRole('textbox', { name: '第 2 个变量名' }), 'groups');
    await userEvent.type(screen.getByRole('textbox', { name: '第 2 个变量值' }), '[["enforcement"]'); // `[[` types one `[`
    await submit();

    // then they are sent parsed
    await waitFor(() => expect(api.callsTo('POST /api/instances')).toHaveLength(1));
    expect(api.callsTo('POST /api/instances')[0].body).toMatchObject({ variables: { priority: 80, groups: ['enforcement'] } });
  });

  it('should say so when the user may not start the process', async () => {
    api = installFakeApi({ ...routes('resident'), 'GET /api/definitions/street-whistle/start': problem(403, 'not-a-starter') });
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();

    expect(await screen.findByText(/您不能发起此流程的案件/)).toBeInTheDocument();
  });

  it('should show a duplicate business key on its field', async () => {
    api = installFakeApi({ ...routes('enforcement-staff'), 'POST /api/instances': problem(409, 'duplicate-business-key') });
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();

    await submit();

    expect(await screen.findByText('该流程下已有相同编号的案件')).toBeInTheDocument();
    expect(api.callsTo('POST /api/instances')[0].body).toMatchObject({ definitionKey: 'street-whistle' });
    expect(window.location.pathname).toBe('/start');
  });

  it('should show the server\'s refusal of a business key character on its field, in Chinese', async () => {
    // given a server whose check refuses a character the page let through (U+202E, as server/http/identifiers.ts says it)
    const refusal = 'character U+202E at position 5 is not allowed: use letters, digits and - _ . # ( ) （ ） 〔 〕 【 】';
    api = installFakeApi({ ...routes('enforcement-staff'), 'POST /api/instances': problem(400, 'validation-failed', { errors: [{ path: 'body.businessKey', message: refusal }] }) });
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();

    await submit();

    // then the field names the position and the code of the invisible character, and nothing in English shows
    expect(await screen.findByText('第 5 个字符是不可见字符（U+202E），不能使用，只能用字母、数字和 - _ . # ( ) （ ） 〔 〕 【 】')).toBeInTheDocument();
    expect(screen.queryByText(/not allowed|validation-failed/)).toBeNull();
  });

  it.each([
    [problem(422, 'start-form-missing', { detail: 'the start form "report" of street-whistle has not been saved, so its start data cannot be checked' }), '此流程的发起表单尚未保存，暂时无法发起案件，请联系流程管理员'],
    [problem(422, 'invalid-form-data', { errors: [{ path: 'body.variables.secret', message: 'is not a field of the form' }] }), '提交的数据未通过表单校验 — 变量 secret：表单中没有此字段'],
    [problem(422, 'variables-too-large', { limit: 1000000, errors: [{ path: 'body.variables', message: 'are 1500000 characters of JSON, over the limit of 1000000 per case' }] }), '案件变量太大，超过每个案件 1000000 个字符的上限 — 案件变量：共 1500000 个字符，超过每个案件 1000000 个字符的上限'],
  ])('should say a refused start in Chinese (%#)', async (answer, text) => {
    api = installFakeApi({ ...routes('enforcement-staff'), 'POST /api/instances': answer });
    window.history.replaceState(null, '', '/start?process=street-whistle');
    await renderStart();

    await submit();

    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/start');
  });

  it('should let a resident pick the process by name, like staff', async () => {
    api = installFakeApi(routes('resident'));
    await renderStart();

    // when the resident picks the process from the list, by its name alone
    await userEvent.click(screen.getByRole('combobox', { name: '流程' }));
    await userEvent.click(await screen.findByText('街道吹哨'));
    await submit();

    // then the chosen key is started in the resident's street
    await waitFor(() => expect(api.callsTo('POST /api/instances')).toHaveLength(1));
    expect(api.callsTo('POST /api/instances')[0].body).toMatchObject({ definitionKey: 'street-whistle', street: 'bajiao' });
  });
});
