/** @jest-environment jsdom */
// The start page against a fake API: pick a process, the form's own checks, what is sent, the server's refusals on their
// fields, and residents (who may start cases and list, not read, definitions) picking a service order by name.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../../../contracts/roles';
import { StartCasePage } from '../../../../designer/src/pages/StartCase';
import { demoUser, type FakeApi, installFakeApi, page, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders, SignedIn } from '../../support/renderWithProviders';

const started = { id: 'street-whistle:CASE-7', definitionKey: 'street-whistle', version: 3, businessKey: 'CASE-7', street: 'bajiao' };

function routes(role: Role) {
  return {
    'GET /api/me': { body: demoUser(role) },
    'GET /api/org-units': { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: null, createdAt: '2026-01-01T00:00:00Z' }] } },
    'GET /api/definitions': page([{ key: 'street-whistle', name: '街道吹哨', version: 3, sha256: 'x', deployedAt: '2026-11-01T00:00:00Z', deployedBy: 'owner' }]),
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

describe('StartCasePage', () => {
  let api: FakeApi;
  beforeEach(() => window.history.replaceState(null, '', '/start'));
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

  it('should start the chosen process in the user\'s street with typed variables, then open the case', async () => {
    api = installFakeApi(routes('enforcement-staff'));
    await renderStart();

    // when a process, a business key and two variables are given
    await userEvent.click(screen.getByRole('combobox', { name: '流程' }));
    await userEvent.click(await screen.findByText('街道吹哨（street-whistle，第 3 版）'));
    const key = screen.getByRole('textbox', { name: '案件编号' });
    await userEvent.clear(key);
    await userEvent.type(key, 'CASE-7');
    await userEvent.type(screen.getByRole('textbox', { name: '第 1 个变量名' }), 'priority');
    await userEvent.type(screen.getByRole('textbox', { name: '第 1 个变量值' }), '80');
    await userEvent.click(screen.getByRole('button', { name: '添加变量' }));
    await userEvent.type(screen.getByRole('textbox', { name: '第 2 个变量名' }), 'groups');
    await userEvent.type(screen.getByRole('textbox', { name: '第 2 个变量值' }), '[["enforcement"]'); // `[[` types one `[`
    await submit();

    // then the case is started with parsed values, in the only street the user has, once, and its page opens
    await waitFor(() => expect(window.location.pathname).toBe('/cases/street-whistle%3ACASE-7'));
    const [start] = api.callsTo('POST /api/instances');
    expect(start.body).toEqual({ definitionKey: 'street-whistle', businessKey: 'CASE-7', street: 'bajiao', variables: { priority: 80, groups: ['enforcement'] } });
    expect(start.headers['Idempotency-Key']).toBeTruthy();
    expect(await screen.findByText('已发起案件 CASE-7')).toBeInTheDocument();
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

    // when the resident picks the process from the list
    await userEvent.click(screen.getByRole('combobox', { name: '流程' }));
    await userEvent.click(await screen.findByText('街道吹哨（street-whistle，第 3 版）'));
    await submit();

    // then the chosen key is started in the resident's street
    await waitFor(() => expect(api.callsTo('POST /api/instances')).toHaveLength(1));
    expect(api.callsTo('POST /api/instances')[0].body).toMatchObject({ definitionKey: 'street-whistle', street: 'bajiao' });
  });
});
