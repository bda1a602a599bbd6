/** @jest-environment jsdom */
// loadedAfterPaint: a part of a page fetched once the page is on screen shows a skeleton, then the part; when its code
// does not download, the message the caller names (the task page's case progress: 无法加载案件, not the forms' one).
// A part asked for 'onScreen' (the case progress below a phone's form) is fetched only once the parts asked for at paint
// (the form) have shown and its skeleton is in view.
import { afterEach, describe, expect, it } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { loadedAfterPaint } from '../../../designer/src/components/loadedAfterPaint';
import { renderWithProviders } from '../support/renderWithProviders';

/** A part that names its case. */
const Part = ({ id }: { id: string }) => <p>案件 {id}</p>;
/** A part above it that names its form. */
const FormPart = ({ id }: { id: string }) => <p>表单 {id}</p>;

/** What the stand-in IntersectionObservers watch: each element, and how to tell its observer it came into view or not. */
const watched: Array<{ observer: StandInIntersectionObserver; element: Element; report: (entries: Array<Partial<IntersectionObserverEntry>>) => void }> = [];

/** A stand-in for the browser's IntersectionObserver (jsdom has none): a test says when an element comes into view. */
class StandInIntersectionObserver {
  constructor(private readonly callback: (entries: Array<Partial<IntersectionObserverEntry>>) => void) {}
  observe(element: Element) {
    watched.push({ observer: this, element, report: (entries) => this.callback(entries) });
  }
  disconnect() {
    watched.splice(0, watched.length, ...watched.filter((entry) => entry.observer !== this));
  }
}

describe('loadedAfterPaint', () => {
  it('should show a skeleton, then the part with its props', async () => {
    // given
    const Lazy = loadedAfterPaint(() => Promise.resolve(Part), 2, 'case.loadFailed');

    // when
    const { container } = renderWithProviders(<Lazy id="C-1" />);

    // then
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();
    expect(await screen.findByText('案件 C-1')).toBeInTheDocument();
  });

  it('should say what could not be loaded, in the words the caller gave, when the download fails', async () => {
    // given
    const Lazy = loadedAfterPaint<{ id: string }>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), 2, 'case.loadFailed');

    // when
    renderWithProviders(<Lazy id="C-2" />);

    // then
    expect(await screen.findByText('无法加载案件')).toBeInTheDocument();
    expect(screen.queryByText('无法加载表单')).toBeNull();
  });

  describe("asked for 'onScreen'", () => {
    afterEach(() => {
      delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
      watched.length = 0;
    });

    it('should fetch the part only once its skeleton scrolls into view', async () => {
      // given a page whose part is below the fold
      (window as { IntersectionObserver?: unknown }).IntersectionObserver = StandInIntersectionObserver;
      let asked = 0;
      const Lazy = loadedAfterPaint(() => {
        asked += 1;
        return Promise.resolve(Part);
      }, 2, 'case.loadFailed', 'onScreen');

      // when the page shows, the part out of view
      const { container } = renderWithProviders(<Lazy id="C-3" />);
      await waitFor(() => expect(watched).toHaveLength(1));
      act(() => watched[0].report([{ isIntersecting: false }]));
      await new Promise((resolve) => setTimeout(resolve, 50));

      // then only its skeleton is there, and its code was not asked for
      expect(container.querySelector('.ant-skeleton')).not.toBeNull();
      expect(watched.map((entry) => entry.element.contains(container.querySelector('.ant-skeleton')))).toEqual([true]);
      expect(asked).toBe(0);

      // when the user scrolls down to it
      act(() => watched[0].report([{ isIntersecting: true }]));

      // then it is fetched once and shown, and nothing is watched any more
      expect(await screen.findByText('案件 C-3')).toBeInTheDocument();
      expect(asked).toBe(1);
      expect(watched).toEqual([]);
    });

    it.each([
      ['shown', (finish: (part: ComponentType<{ id: string }>) => void) => finish(FormPart), '表单 F'],
      ['failed to load', (_finish: unknown, fail: (error: Error) => void) => fail(new TypeError('Failed to fetch dynamically imported module')), '无法加载表单'],
    ])('should watch its place only once the part above it has %s, whose skeleton held it higher', async (_how, settle, shown) => {
      // given a form asked for at paint whose code is still coming, and the case progress below it
      (window as { IntersectionObserver?: unknown }).IntersectionObserver = StandInIntersectionObserver;
      let finish: (part: ComponentType<{ id: string }>) => void = () => undefined;
      let fail: (error: Error) => void = () => undefined;
      const Form = loadedAfterPaint(() => new Promise<ComponentType<{ id: string }>>((resolve, reject) => ((finish = resolve), (fail = reject))), 4, 'forms.loadFailed');
      let asked = 0;
      const Progress = loadedAfterPaint(() => {
        asked += 1;
        return Promise.resolve(Part);
      }, 2, 'case.loadFailed', 'onScreen');

      // when the page shows
      renderWithProviders(
        <>
          <Form id="F" />
          <Progress id="C-5" />
        </>,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));

      // then the progress does not watch its place yet, and was not asked for
      expect(watched).toEqual([]);
      expect(asked).toBe(0);

      // when the form arrives (or fails), and then the progress's place is in view
      await act(async () => settle(finish, fail));
      expect(await screen.findByText(shown)).toBeInTheDocument();
      await waitFor(() => expect(watched).toHaveLength(1));
      act(() => watched[0].report([{ isIntersecting: true }]));

      // then the progress is fetched once and shown
      expect(await screen.findByText('案件 C-5')).toBeInTheDocument();
      expect(asked).toBe(1);
    });

    it('should fetch the part at once where the browser cannot tell what is in view', async () => {
      // given a browser without IntersectionObserver
      const Lazy = loadedAfterPaint(() => Promise.resolve(Part), 2, 'case.loadFailed', 'onScreen');

      // when
      renderWithProviders(<Lazy id="C-4" />);

      // then
      expect(await screen.findByText('案件 C-4')).toBeInTheDocument();
    });
  });
});
