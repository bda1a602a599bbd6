/** @jest-environment jsdom */
// A case's progress beside a task: a volunteer holding a task of a case only its starter may read (the case answers
// 404 to them) sees no progress and no error; any other failure is still shown.
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { CaseProgress } from '../../../../designer/src/components/CaseProgress';
import { demoUser, type FakeApi, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const caseUrl = '/api/instances/volunteer-service-order%3AGD-1';

describe('CaseProgress', () => {
  let api: FakeApi;
  afterEach(() => restoreFetch());

  it("should show nothing, and no error, when the case is not the user's to read (404)", async () => {
    // given a volunteer, to whom the case answers 404
    api = installFakeApi({ 'GET /api/me': { body: demoUser('volunteer') }, [`GET ${caseUrl}`]: problem(404, 'not-found', { detail: 'case volunteer-service-order:GD-1 was not found' }) });

    // when
    const { container } = renderWithProviders(<CaseProgress instanceId="volunteer-service-order:GD-1" />);

    // then the case was asked for, and nothing is shown: no alert, no raw id
    await waitFor(() => expect(api.calls.some((call) => call.path === caseUrl)).toBe(true));
    await waitFor(() => expect(container.querySelector('.ant-skeleton')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.textContent).not.toContain('GD-1');
  });

  it('should still say when the case could not be loaded for another reason', async () => {
    installFakeApi({ 'GET /api/me': { body: demoUser('enforcement-staff') }, [`GET ${caseUrl}`]: problem(500, 'internal') });
    renderWithProviders(<CaseProgress instanceId="volunteer-service-order:GD-1" />);
    expect(await screen.findByText('无法加载案件', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
