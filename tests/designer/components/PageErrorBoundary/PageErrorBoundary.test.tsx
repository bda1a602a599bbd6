/** @jest-environment jsdom */
// PageErrorBoundary in the browser DOM: a page whose code fails to download says so with 重新加载 instead of blanking
// the app, and another path renders again.
import { describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { PageErrorBoundary } from '../../../../designer/src/components/PageErrorBoundary';
import { renderWithProviders } from '../../support/renderWithProviders';

/** A lazy page whose chunk cannot be fetched, as React.lazy sees a failed dynamic import. */
const Unreachable = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Task-x.js')));

describe('PageErrorBoundary', () => {
  it('should say the page failed to load, offer 重新加载, and render the next path again', async () => {
    // given: React reports the caught error on the console; that is expected here
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // when
      const { rerender } = renderWithProviders(
        <PageErrorBoundary resetKey="/tasks/a">
          <Suspense fallback="loading">
            <Unreachable />
          </Suspense>
        </PageErrorBoundary>,
      );

      // then
      expect(await screen.findByText('页面加载失败')).toBeInTheDocument();
      expect(screen.getByText('可能是网络中断或系统刚刚更新。请检查网络后重新加载。')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();

      // when: another path
      rerender(<PageErrorBoundary resetKey="/tasks">任务列表</PageErrorBoundary>);

      // then
      expect(await screen.findByText('任务列表')).toBeInTheDocument();
      expect(screen.queryByText('页面加载失败')).toBeNull();
    } finally {
      consoleError.mockRestore();
    }
  });
});
