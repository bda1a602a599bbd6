/** @jest-environment jsdom */
// The step navigator in the browser DOM: previous/next buttons, the ← → keys (not while typing), the ends, the label.
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StepNavigator } from '../../../../designer/src/pages/AuditCase/StepNavigator';
import { renderWithProviders } from '../../support/renderWithProviders';

describe('StepNavigator', () => {
  it('says which step is shown and moves one step with the buttons', async () => {
    // given
    const onChange = jest.fn();
    renderWithProviders(<StepNavigator position={2} total={5} onChange={onChange} />);
    expect(screen.getByTestId('step-position')).toHaveTextContent('第 2 / 5 步');

    // when
    await userEvent.click(screen.getByRole('button', { name: /下一步/ }));
    await userEvent.click(screen.getByRole('button', { name: /上一步/ }));

    // then
    expect(onChange.mock.calls).toEqual([[3], [1]]);
  });

  it('moves with the arrow keys, but not while a field has the focus', () => {
    // given
    const onChange = jest.fn();
    renderWithProviders(
      <>
        <input aria-label="备注" />
        <StepNavigator position={3} total={5} onChange={onChange} />
      </>,
    );

    // when
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByLabelText('备注'), { key: 'ArrowLeft' });

    // then
    expect(onChange.mock.calls).toEqual([[4], [2]]);
  });

  it('stops at the ends: previous is disabled on the first step, next on the last, and the keys do nothing there', () => {
    // given
    const onFirst = jest.fn();
    const { unmount } = renderWithProviders(<StepNavigator position={1} total={3} onChange={onFirst} />);
    expect(screen.getByRole('button', { name: /上一步/ })).toBeDisabled();
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    unmount();
    const onLast = jest.fn();
    renderWithProviders(<StepNavigator position={3} total={3} onChange={onLast} />);

    // when
    fireEvent.keyDown(window, { key: 'ArrowRight' });

    // then
    expect(screen.getByRole('button', { name: /下一步/ })).toBeDisabled();
    expect(onFirst).not.toHaveBeenCalled();
    expect(onLast).not.toHaveBeenCalled();
  });

  it('offers a slider over all steps, labelled for screen readers', () => {
    // when
    renderWithProviders(<StepNavigator position={2} total={4} onChange={jest.fn()} />);

    // then
    const slider = screen.getByRole('slider', { name: '选择步骤' });
    expect(slider).toHaveAttribute('aria-valuenow', '2');
    expect(slider).toHaveAttribute('aria-valuemax', '4');
  });

  it('says so when there is no step yet', () => {
    renderWithProviders(<StepNavigator position={0} total={0} onChange={jest.fn()} />);
    expect(screen.getByText('此案件还没有可回放的步骤')).toBeInTheDocument();
  });
});
