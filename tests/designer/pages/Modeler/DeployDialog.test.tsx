/** @jest-environment jsdom */
// The deploy dialog starts from the change note an imported draft carries (issue 17), and deploys what it then says.
import { describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeployDialog } from '../../../../designer/src/pages/Modeler/DeployDialog';
import { renderWithProviders } from '../../support/renderWithProviders';

describe('DeployDialog', () => {
  it('should offer the imported draft\'s note as the version note', async () => {
    // given an imported draft's note
    const onDeploy = jest.fn();
    renderWithProviders(<DeployDialog open deploying={false} initialNote="区里统一模板" onDeploy={onDeploy} onClose={() => undefined} />);

    // then the note is filled in and said to come from the import
    const note = screen.getByRole('textbox', { name: '变更说明' });
    expect(note).toHaveValue('区里统一模板');
    expect(screen.getByText(/已预填导入时填写的变更说明/)).toBeInTheDocument();

    // when it is extended and deployed
    await userEvent.type(note, '，改了期限');
    await userEvent.click(screen.getByRole('button', { name: /部\s*署/ }));
    expect(onDeploy).toHaveBeenCalledWith('区里统一模板，改了期限');
  });
});
