/** @jest-environment jsdom */
// The sign-in page against a fake API: required fields, a refused sign-in in Chinese, the expired-session notice, success.
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginPage } from '../../../../designer/src/pages/Login';
import { demoUser, type FakeApi, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const signIn = () => userEvent.click(screen.getByRole('button', { name: /登\s?录/ }));

describe('LoginPage', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should ask for both fields before sending anything', async () => {
    api = installFakeApi({});
    renderWithProviders(<LoginPage />);

    await signIn();

    expect(await screen.findAllByText('请填写此项')).toHaveLength(2);
    expect(api.calls).toEqual([]);
  });

  it('should say in Chinese that the username or password is wrong', async () => {
    api = installFakeApi({ 'POST /api/auth/login': problem(401, 'invalid-credentials') });
    renderWithProviders(<LoginPage />);

    await userEvent.type(screen.getByLabelText('用户名'), 'bajiao-staff');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await signIn();

    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(api.callsTo('POST /api/auth/login')[0].body).toEqual({ username: 'bajiao-staff', password: 'wrong' });
  });

  it('should tell a user whose session expired, and sign in as the user the server answers', async () => {
    const me = demoUser('enforcement-staff', { username: 'bajiao-staff', csrfToken: 'csrf-new' });
    api = installFakeApi({ 'POST /api/auth/login': { body: me } });
    const { queryClient } = renderWithProviders(<LoginPage expired />);
    expect(screen.getByText('未登录或登录已过期')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('用户名'), 'bajiao-staff');
    await userEvent.type(screen.getByLabelText('密码'), 'sparrow-demo');
    await signIn();

    await waitFor(() => expect(queryClient.getQueryData(['me'])).toEqual(me));
  });
});
