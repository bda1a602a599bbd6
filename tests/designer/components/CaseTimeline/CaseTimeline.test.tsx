/** @jest-environment jsdom */
// The case timeline speaks the user's language (issue 17): steps by their diagram names, unnamed ones by a plain word
// for their kind (判断, never the id G1 nor 排他网关); only operators see the BPMN kind beside each step.
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { CaseTimeline } from '../../../../designer/src/components/CaseTimeline';
import { timelineEntries } from '../../../../designer/src/components/CaseTimeline/timelineEntries';
import { renderWithProviders } from '../../support/renderWithProviders';

const entries = timelineEntries(
  {
    completed: [
      { elementId: 'Start_Lead', tokenId: 't1', startedAt: '2026-11-27T08:00:00Z', endedAt: '2026-11-27T08:00:00Z' },
      { elementId: 'G1', tokenId: 't1', startedAt: '2026-11-27T08:01:00Z', endedAt: '2026-11-27T08:01:00Z' },
    ],
    activeElements: [{ elementId: 'Task_File', tokenId: 't1', since: '2026-11-27T08:02:00Z' }],
  },
  { Start_Lead: { name: null, kind: 'startEvent' }, G1: { name: null, kind: 'exclusiveGateway' }, Task_File: { name: '核查线索、立案审批', kind: 'userTask' } },
);

describe('CaseTimeline', () => {
  it('should name unnamed steps by a plain word for their kind, never by their id or an engine word', () => {
    // when staff read the timeline
    renderWithProviders(<CaseTimeline entries={entries} />);

    // then
    const text = screen.getByRole('region', { name: '办理时间线' }).textContent ?? '';
    expect(text).toContain('开始');
    expect(text).toContain('判断');
    expect(text).toContain('核查线索、立案审批');
    expect(text).not.toMatch(/Start_Lead|G1|Task_File|网关|令牌|Temporal/);
  });

  it('should add the BPMN kind for operators', () => {
    renderWithProviders(<CaseTimeline entries={entries} operator />);
    expect(screen.getByRole('region', { name: '办理时间线' }).textContent).toContain('排他网关');
  });
});
