/** @jest-environment jsdom */
// DueTag rendered in the browser DOM: the label says the time left or overdue, and the colour follows the state.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { DueTag } from '../../../../designer/src/components/DueTag';
import { renderWithProviders } from '../../support/renderWithProviders';

const now = Date.parse('2026-11-28T08:00:00+08:00');

describe('DueTag', () => {
  it('says there is no deadline when the task has none', () => {
    renderWithProviders(<DueTag dueDate={null} now={now} />);
    expect(screen.getByText('无期限')).toBeInTheDocument();
  });

  it('marks an overdue task red with how long ago it fell due', () => {
    const { container } = renderWithProviders(<DueTag dueDate="2026-11-26T06:00:00+08:00" now={now} />);
    const tag = container.querySelector('[data-due-state="overdue"]');
    expect(tag).not.toBeNull();
    expect(tag).toHaveTextContent(/已逾期.*2天2小时/);
    expect(tag?.className).toMatch(/red/);
  });

  it('marks a task due within a day orange with the time left', () => {
    const { container } = renderWithProviders(<DueTag dueDate="2026-11-28T11:20:00+08:00" now={now} />);
    const tag = container.querySelector('[data-due-state="near"]');
    expect(tag).toHaveTextContent(/剩余.*3小时20分钟/);
    expect(tag?.className).toMatch(/orange/);
  });
});

describe('DueTag of a provisional due date', () => {
  it('should add the 暂定 tag, explained on hover, after the time left', async () => {
    // given a due date counted over next year's unpublished holidays
    renderWithProviders(<DueTag dueDate="2027-12-31T23:59:59+08:00" now={now} provisional />);

    // then
    const provisional = screen.getByText('暂定');
    expect(provisional.closest('[data-provisional]')).not.toBeNull();
    fireEvent.mouseEnter(provisional);
    expect(await screen.findByText('次年节假日安排尚未公布，此日期暂按周末推算，公布后可能调整。')).toBeInTheDocument();
  });

  it('should NOT add it to a firm due date', () => {
    renderWithProviders(<DueTag dueDate="2026-12-31T23:59:59+08:00" now={now} provisional={false} />);
    expect(screen.queryByText('暂定')).toBeNull();
  });
});
