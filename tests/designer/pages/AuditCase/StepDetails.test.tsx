/** @jest-environment jsdom */
// The step panel in the browser DOM: element, actor, tokens, the variables after the step with the changed ones named,
// a value the history does not hold shown by its hash, and variables a form labels shown by their labels.
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { StepDetails } from '../../../../designer/src/pages/AuditCase/StepDetails';
import { StepData } from '../../../../designer/src/pages/AuditCase/StepDetails/StepData';
import type { AuditStep } from '../../../../designer/src/pages/AuditCase/stepModel';
import type { VariableLabels } from '../../../../designer/src/api/hooks/useFieldLabels.query';
import { renderWithProviders } from '../../support/renderWithProviders';

const step: AuditStep = {
  position: 3,
  tokenSeq: 4,
  variablesSeq: 8,
  step: {
    index: 3,
    elementId: 'Register',
    elementName: '登记',
    elementKind: 'userTask',
    tokenId: 't3',
    startedBy: 'test',
    actor: 'wang',
    startedAt: '2026-11-27T23:39:38.297Z',
    endedAt: '2026-11-27T23:39:38.867Z',
    status: 'completed',
    data: { submitted: { confirmed: true } },
    auditSeqs: [4, 5, 6, 7, 8],
  },
  tokens: [{ tokenId: 't3', elementId: 'Register' }],
  done: ['Start'],
  taken: ['Flow_1'],
  variables: { confirmed: { known: true, value: true }, reportNo: { known: true, value: 'R-1' }, score: { known: false, hash: 'abcdef0123456789'.repeat(4) } },
  changed: ['confirmed', 'score'],
};

/** No form labels any variable. */
const unlabelled: VariableLabels = { name: (variable) => variable, value: () => undefined };

describe('StepDetails', () => {
  it('shows who did what when, where the token was, and the variables after the step', () => {
    // when
    renderWithProviders(<StepDetails step={step} elementLabel={(id) => (id === 'Register' ? '登记' : id)} labels={unlabelled} />);

    // then
    expect(screen.getByTestId('step-element')).toHaveTextContent('登记');
    expect(screen.getByTestId('step-actor')).toHaveTextContent('wang');
    expect(screen.getByTestId('step-time')).toHaveTextContent(/2026\/11\/2[78] \d\d:39:38\.297 → 2026\/11\/2[78] \d\d:39:38\.867/);
    expect(screen.getByText('人工任务')).toBeInTheDocument();
    expect(within(screen.getByTestId('step-tokens')).getByText('登记')).toBeInTheDocument();
    const variables = screen.getByTestId('step-variables');
    const confirmed = within(variables).getByText('confirmed').closest('tr')!;
    expect(confirmed).toHaveTextContent('本步修改');
    expect(confirmed).toHaveTextContent('true');
    expect(within(variables).getByText('reportNo').closest('tr')).not.toHaveTextContent('本步修改');
    expect(within(variables).getByText('score').closest('tr')).toHaveTextContent('历史中无此值（哈希 abcdef012345…）');
    expect(screen.getByTestId('step-data')).toHaveTextContent('提交内容confirmed：true');
  });

  it('names the waits withdrawn when the element was terminated and the events it threw, and keeps them out of the raw data', () => {
    // given: a task a boundary timer interrupted, as audit/timeline.ts lists it
    const terminated: AuditStep = {
      ...step,
      step: {
        ...step.step,
        status: 'cancelled',
        data: {
          withdrawn: [
            { seq: 7, what: 'timer', at: '2026-11-27T23:39:38.800Z', timerId: 'x' },
            { seq: 6, what: 'job', at: '2026-11-27T23:39:38.700Z' },
          ],
          events: [{ seq: 5, kind: 'signal.thrown', at: '2026-11-27T23:39:38.600Z', signalName: 'recall' }],
        },
      },
    };

    // when
    renderWithProviders(<StepDetails step={terminated} elementLabel={(id) => id} labels={unlabelled} />);

    // then
    expect(screen.getByText('已取消')).toBeInTheDocument();
    expect([...screen.getByTestId('step-withdrawn').querySelectorAll('.ant-tag')].map((tag) => tag.textContent?.split(' 于 ')[0])).toEqual(['作业', '定时器']);
    expect(screen.getByTestId('step-events')).toHaveTextContent('发出信号');
    expect(screen.queryByText(/"withdrawn"/)).not.toBeInTheDocument();
  });

  it("shows a variable a form labels by its label and a choice by its option's label, the names on hover", () => {
    // given: a form that labels reportNo 报告编号 and gives the option R-1 the label 一号报告
    const labels: VariableLabels = {
      name: (variable) => (variable === 'reportNo' ? '报告编号' : variable),
      value: (variable, value) => (variable === 'reportNo' && value === 'R-1' ? '一号报告' : undefined),
    };

    // when
    renderWithProviders(<StepDetails step={step} elementLabel={(id) => id} labels={labels} />);

    // then
    const variables = screen.getByTestId('step-variables');
    const reportNo = within(variables).getByText('报告编号');
    expect(reportNo).toHaveAttribute('title', 'reportNo');
    expect(within(reportNo.closest('tr')!).getByText('一号报告').closest('[title]')).toHaveAttribute('title', 'R-1');
    expect(within(variables).queryByText('reportNo')).not.toBeInTheDocument();
    expect(within(variables).getByText('confirmed')).toBeInTheDocument();
  });
});

describe('StepData', () => {
  it('should say what a job did and what was submitted in words, ids and hashes as ids, unknown keys as they are', () => {
    // given: a notification job's step with a submitted form, as audit/timeline.ts records it
    const labels: VariableLabels = { name: (variable) => (variable === 'result' ? '处置结果' : variable), value: () => undefined };
    const data = {
      taskId: 'c:1/Task_Handle/e6',
      holderChanges: [{ seq: 6, change: 'claimed', by: 'wang', at: '2026-12-04T18:50:12.000Z', previous: null, assignee: 'wang' }],
      submitted: { result: '已清理' },
      submittedHash: 'ab'.repeat(32),
      jobs: [{ jobType: 'sparrow.notify', closedAt: '2026-12-04T18:50:13.339Z', outcome: 'completed', result: { notifiedCount: 2 } }],
      somethingNew: { a: 1 },
    };

    // when
    renderWithProviders(<StepData data={data} labels={labels} personName={(who) => (who === 'wang' ? '王队员' : who)} />);

    // then
    const shown = screen.getByTestId('step-data');
    expect(shown).toHaveTextContent('任务编号c:1/Task_Handle/e6');
    expect(shown).toHaveTextContent('提交内容处置结果：已清理');
    expect(shown).toHaveTextContent(/认领与指派任务认领 王队员 2026\/12\/0[45]/);
    expect(shown).toHaveTextContent(/作业sparrow\.notify 已完成 2026\/12\/0[45] \d\d:50:13\.339通知人数：2/);
    expect(within(shown).getByText('sparrow.notify').closest('[translate="no"]')).not.toBeNull();
    expect(shown).toHaveTextContent('somethingNew');
  });
});
