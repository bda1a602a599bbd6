/** @jest-environment jsdom */
// The lint panel: the modeler's findings and the server's refusal in one list, errors first, counted, each naming its
// element in the user's language; a click selects the element.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SPARROW_LINT_MESSAGES } from '../../../../designer/src/bpmn/lint/messages';
import { bpmnTranslator } from '../../../../designer/src/bpmn/translate';
import { LintPanel, panelFindings } from '../../../../designer/src/pages/Modeler/LintPanel';
import { renderWithProviders } from '../../support/renderWithProviders';

const names: Record<string, string> = { Gateway_1: '是否属实', Task_1: '现场核查' };
const text = { nameOf: (id: string) => names[id], translate: bpmnTranslator('zh-CN') };

describe('LintPanel', () => {
  it('should list server errors and lint errors before warnings, counted, in Chinese, each with its element', async () => {
    // given a lint warning, a lint error, a refused deployment and a server warning about a form
    const findings = panelFindings(
      [
        { id: 'Task_1', message: SPARROW_LINT_MESSAGES.userTaskWithoutAssignment, category: 'warn', rule: 'sparrow/user-task-assignment' },
        { id: 'Gateway_1', message: SPARROW_LINT_MESSAGES.gatewayWithoutDefault, category: 'error', rule: 'sparrow/gateway-default' },
      ],
      { problems: [{ elementId: 'Task_9', code: 'called-process-not-found', message: '<Task_9> calls process <x>' }], warnings: [{ elementId: 'Task_1', code: 'form-not-found', message: 'form f is not saved' }] },
      text,
    );
    const onSelect = jest.fn();

    // when the panel shows them
    renderWithProviders(<LintPanel findings={findings} onSelect={onSelect} />);

    // then the counts and the order: server error, lint error, then the two warnings
    const panel = screen.getByRole('region', { name: '检查结果' });
    expect(within(panel).getByText('2 个错误')).toBeInTheDocument();
    expect(within(panel).getByText('2 个警告')).toBeInTheDocument();
    const rows = within(panel).getAllByRole('listitem').map((row) => row.textContent);
    expect(rows[0]).toMatch(/^服务器拒绝Task_9<Task_9> calls process <x>called-process-not-found$/);
    expect(rows[1]).toMatch(/^错误是否属实网关没有默认流/);
    expect(rows[2]).toMatch(/^警告现场核查.*sparrow\/user-task-assignment$/);
    expect(rows[3]).toMatch(/^服务器警告现场核查form f is not saved/);
    expect(rows[1]).not.toContain(SPARROW_LINT_MESSAGES.gatewayWithoutDefault);

    // when a finding is clicked, its element is selected
    await userEvent.click(within(panel).getByText('是否属实'));
    expect(onSelect).toHaveBeenCalledWith('Gateway_1');
  });

  it('should say when nothing was found', () => {
    renderWithProviders(<LintPanel findings={[]} onSelect={() => undefined} />);

    expect(screen.getByText('未发现问题')).toBeInTheDocument();
    expect(screen.getByText('0 个错误')).toBeInTheDocument();
  });

  it('should fold down to its counts and open again', async () => {
    // given a panel with one finding
    const findings = panelFindings([{ id: 'Task_1', message: SPARROW_LINT_MESSAGES.userTaskWithoutAssignment, category: 'warn', rule: 'sparrow/user-task-assignment' }], { problems: [], warnings: [] }, text);
    renderWithProviders(<LintPanel findings={findings} onSelect={() => undefined} />);
    const panel = screen.getByRole('region', { name: '检查结果' });

    // when it is folded
    await userEvent.click(within(panel).getByRole('button', { name: '收起' }));

    // then only the counts show
    expect(within(panel).queryByRole('listitem')).toBeNull();
    expect(within(panel).getByText('1 个警告')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '展开' })).toHaveAttribute('aria-expanded', 'false');

    // when it is opened again, the finding is back
    await userEvent.click(within(panel).getByRole('button', { name: '展开' }));
    expect(within(panel).getAllByRole('listitem')).toHaveLength(1);
  });
});
