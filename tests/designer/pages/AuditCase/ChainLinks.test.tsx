/** @jest-environment jsdom */
// The auditor's links between chains: the calling case, and each child with the head its parent recorded and whether
// the child's chain ends with it; nothing for a case without either.
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { ChainLinks } from '../../../../designer/src/pages/AuditCase/ChainLinks';
import { renderWithProviders } from '../../support/renderWithProviders';

const label = (elementId: string) => ({ Sites: '逐点整治' })[elementId] ?? elementId;
const head = { lastSeq: 7, hash: 'a'.repeat(64) };

describe('ChainLinks', () => {
  it('lists each child with its recorded head and whether it matches the child chain, in Chinese', () => {
    // given a campaign with a child that matches, one that differs and one still running
    renderWithProviders(
      <ChainLinks
        elementLabel={label}
        links={{
          parent: null,
          children: [
            { instanceId: 'c/Sites/e3-1', elementId: 'Sites', recordedHead: head, matches: true },
            { instanceId: 'c/Sites/e3-2', elementId: 'Sites', recordedHead: head, matches: false },
            { instanceId: 'c/Sites/e3-3', elementId: 'Sites', recordedHead: null, matches: null },
          ],
        }}
      />,
    );

    // then
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['逐点整治', '第 7 条', '与子案件审计链一致', '查看审计'],
      ['逐点整治', '第 7 条', '与子案件审计链不一致', '查看审计'],
      ['逐点整治', '—', '子案件未结束', '查看审计'],
    ]);
    expect(screen.getByText('关联案件的审计链')).toBeInTheDocument();
  });

  it('links a child case to its calling case', () => {
    // given a child case
    renderWithProviders(<ChainLinks elementLabel={label} links={{ parent: { instanceId: 'c', elementId: 'Sites' }, children: [] }} />);

    // then
    expect(screen.getByText('本案件由上级案件的调用环节发起')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '查看审计' })).toBeInTheDocument();
  });

  it('shows nothing for a case that neither calls nor is called', () => {
    // when
    renderWithProviders(<ChainLinks elementLabel={label} links={{ parent: null, children: [] }} />);

    // then
    expect(screen.queryByText('关联案件的审计链')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
