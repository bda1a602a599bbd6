/** @jest-environment jsdom */
// loadedAfterPaint: a part of a page fetched once the page is on screen shows a skeleton, then the part; when its code
// does not download, the message the caller names (the task page's case progress: 无法加载案件, not the forms' one).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { loadedAfterPaint } from '../../../designer/src/components/loadedAfterPaint';
import { renderWithProviders } from '../support/renderWithProviders';

/** A part that names its case. */
const Part = ({ id }: { id: string }) => <p>案件 {id}</p>;

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
});
