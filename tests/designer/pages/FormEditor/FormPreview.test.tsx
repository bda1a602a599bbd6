/** @jest-environment jsdom */
// The form editor's preview (issue 17): 预览 shows the form as edited so far in the task page's viewer, and 试提交 says
// what a task would send or how many fields are not valid. form-js is an ES module jest does not load: the editor and
// the viewer are stand-ins recording what the page hands over and answering like the libraries.
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { FormEditorPage } from '../../../../designer/src/pages/FormEditor';
import { installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const edited = { type: 'default', id: 'report', schemaVersion: 18, components: [{ type: 'textfield', key: 'place', label: '地点', validate: { required: true } }] };
let submitted: { data: Record<string, unknown>; errors: Record<string, string[]> } = { data: {}, errors: {} };

jest.mock('../../../../designer/src/pages/FormEditor/FormCanvas', () => ({
  FormCanvas: ({ onEditor }: { onEditor: (editor: unknown) => void }) => {
    useEffect(() => onEditor({ saveSchema: () => edited }), [onEditor]);
    return <div data-testid="form-editor" />;
  },
}));

jest.mock('../../../../designer/src/pages/Task/TaskForm', () => ({
  TaskForm: ({ schema, onForm }: { schema: { components: Array<{ label: string }> }; onForm: (form: unknown) => void }) => {
    useEffect(() => onForm({ submit: () => submitted }), [onForm]);
    return <form aria-label="viewer">{schema.components.map((component) => component.label).join(',')}</form>;
  },
}));

describe('FormEditorPage preview', () => {
  afterEach(restoreFetch);

  it('should show the form as edited in the viewer and try submitting it', async () => {
    // given a new form being edited
    installFakeApi({ 'GET /api/forms/report': problem(404, 'not-found') });
    renderWithProviders(<FormEditorPage params={{ id: 'report' }} />);

    // when the preview is opened
    await userEvent.click(await screen.findByRole('button', { name: /^预\s*览$/ }));

    // then the viewer shows the schema as edited so far
    const dialog = await screen.findByRole('dialog', { name: '表单预览' });
    expect(within(dialog).getByRole('form', { name: 'viewer' })).toHaveTextContent('地点');

    // when it is tried empty, then filled in
    submitted = { data: {}, errors: { place: ['Field is required.'] } };
    await userEvent.click(within(dialog).getByRole('button', { name: '试提交' }));
    expect(within(dialog).getByText('还有 1 个字段未通过校验')).toBeInTheDocument();
    submitted = { data: { place: '八角北路' }, errors: {} };
    await userEvent.click(within(dialog).getByRole('button', { name: '试提交' }));

    // then the data a task would send is shown
    expect(within(dialog).getByText('校验通过，提交时会发送这些数据：')).toBeInTheDocument();
    expect(within(dialog).getByText(/"place": "八角北路"/)).toBeInTheDocument();
  });
});
