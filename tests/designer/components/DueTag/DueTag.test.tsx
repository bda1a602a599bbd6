/** @jest-environment jsdom */
// DueTag rendered in the browser DOM: the label says the time left or overdue, and the colour follows the state.
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
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
