/**
 * @jest-environment jsdom
 */
// The task form with the real form-js viewer: what a person types stays typed when another field commits its value
// while they are already in the next field (the browser journeys lost the last field typed before 发起 that way).
import type { Form } from '@bpmn-io/form-js-viewer';
import { act, screen, waitFor } from '@testing-library/react';
import { TaskForm } from '../../../../designer/src/pages/Task/TaskForm';
import { renderWithProviders } from '../../support/renderWithProviders';

jest.mock('@bpmn-io/form-js-viewer/dist/assets/form-js.css', () => ({}));
jest.mock('../../../../designer/src/pages/Task/TaskForm/taskForm.css', () => ({}));

const schema = {
  type: 'default',
  id: 'patrol-start',
  components: [
    { id: 'Field_fine', type: 'number', key: 'fine', label: '拟罚款金额（元）' },
    { id: 'Field_dueAt', type: 'textfield', key: 'dueAt', label: '办结时限' },
  ],
};

/** Types `value` into `input` as a browser's fill does: one input event, the field focused. */
function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('TaskForm', () => {
  it('keeps the text typed into a field when the field before it commits afterwards', async () => {
    // given: the form imported
    let form: Form | null = null;
    renderWithProviders(<TaskForm schema={schema} schemaKey="patrol-start:1" data={{}} readOnly={false} label="表单" translateMessage={(m) => m} onForm={(f) => (form = f)} />);
    await waitFor(() => expect(form).not.toBeNull());
    const fine = (await screen.findByLabelText('拟罚款金额（元）')) as HTMLInputElement;
    const dueAt = screen.getByLabelText('办结时限') as HTMLInputElement;

    // when: a fine is typed, then the due time, without pausing in between, and the form settles
    act(() => typeInto(fine, '200'));
    act(() => typeInto(dueAt, '2026-12-05T12:00:00Z'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));

    // then: both fields show and submit what was typed
    expect(dueAt.value).toBe('2026-12-05T12:00:00Z');
    expect(form!.submit()).toMatchObject({ data: { fine: 200, dueAt: '2026-12-05T12:00:00Z' }, errors: {} });
  });
});
