/** @jest-environment jsdom */
// lazyComponent: a page whose code loads on first use renders without Suspense — at once when its code is already
// there, else after a spinner — and a failed download reaches the error boundary, the next mount asking again.
import { describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { PageErrorBoundary } from '../../../designer/src/components/PageErrorBoundary';
import { lazyComponent } from '../../../designer/src/routing/lazyComponent';
import { renderWithProviders } from '../support/renderWithProviders';

/** A page that names its parameter. */
const Page = ({ id }: { id: string }) => <p>任务 {id}</p>;

describe('lazyComponent', () => {
  it('should show a spinner until the code is there, then the page with its props', async () => {
    // given: a download that ends when the test says so
    let finish: (page: typeof Page) => void = () => undefined;
    const Lazy = lazyComponent(() => new Promise<typeof Page>((resolve) => (finish = resolve)));

    // when
    const { container } = renderWithProviders(<Lazy id="T-1" />);

    // then: the spinner, then the page once the code is there (act lets React finish the transition render that the
    // code's arrival starts, instead of racing a one-second wait against a loaded test worker)
    expect(container.querySelector('.ant-spin')).not.toBeNull();
    await act(async () => finish(Page));
    expect(screen.getByText('任务 T-1')).toBeInTheDocument();
    expect(container.querySelector('.ant-spin')).toBeNull();
  });

  it('should render a preloaded page in its first render, loading its code once', async () => {
    // given: the code asked for by preload (the boot does this for the page the URL names)
    const load = jest.fn(() => Promise.resolve(Page));
    const Lazy = lazyComponent(load);
    await Lazy.preload();

    // when
    renderWithProviders(<Lazy id="T-2" />);

    // then: no spinner first, and one download for both
    expect(screen.getByText('任务 T-2')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should hand a failed download to the error boundary and ask again on the next mount', async () => {
    // given: a download that fails once, then succeeds; React reports the caught error on the console
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = jest
      .fn<() => Promise<typeof Page>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: /assets/Task-x.js'))
      .mockResolvedValue(Page);
    const Lazy = lazyComponent(load);
    try {
      // when: the page mounts, and after the failure another path mounts it again
      const { rerender } = renderWithProviders(
        <PageErrorBoundary resetKey="/tasks/a">
          <Lazy key="a" id="T-3" />
        </PageErrorBoundary>,
      );
      expect(await screen.findByText('页面加载失败')).toBeInTheDocument();
      rerender(
        <PageErrorBoundary resetKey="/tasks/b">
          <Lazy key="b" id="T-4" />
        </PageErrorBoundary>,
      );

      // then
      expect(await screen.findByText('任务 T-4')).toBeInTheDocument();
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      consoleError.mockRestore();
    }
  });
});
