// The task list's tabs and filters as GET /api/tasks parameters, and the text filter applied in the browser.
import { DEFAULT_FILTERS, displayOrder, priorityLevel, taskListParams } from '../../../../designer/src/pages/TaskList/taskQuery';

describe('taskListParams', () => {
  it('should ask for my open and claimed tasks on the 我的任务 tab', () => {
    // given / when
    const params = taskListParams('mine', DEFAULT_FILTERS, ['bajiao']);

    // then
    expect(params).toEqual({ status: 'open,claimed', sort: 'due', size: '200', mine: 'true' });
  });

  it('should ask for my groups\' claimable tasks on the 我组的任务 tab', () => {
    // given / when
    const params = taskListParams('group', { sort: '-priority' }, ['bajiao'], 1);

    // then
    expect(params).toEqual({ status: 'open,claimed', sort: '-priority', size: '1', myGroups: 'true' });
  });

  it('should name the street of a one-street commander on the 本街道 tab', () => {
    // given / when
    const params = taskListParams('street', DEFAULT_FILTERS, ['bajiao']);

    // then
    expect(params.street).toBe('bajiao');
    expect(params.mine).toBeUndefined();
    expect(params.myGroups).toBeUndefined();
  });

  it('should NOT name a street for a district-wide or several-street user (their scope covers it)', () => {
    // given / when / then
    expect(taskListParams('street', DEFAULT_FILTERS, ['*']).street).toBeUndefined();
    expect(taskListParams('street', DEFAULT_FILTERS, ['bajiao', 'lugu']).street).toBeUndefined();
  });

  it('should pass process, due-before, minimum priority and the trimmed text as the server spells them', () => {
    // given
    const filters = { sort: 'due' as const, definitionKey: 'street-whistle', dueBefore: '2026-11-30T15:59:59.999Z', minPriority: 51, text: '  核查 CASE-1 ' };

    // when
    const params = taskListParams('group', filters, ['bajiao']);

    // then
    expect(params).toMatchObject({ definitionKey: 'street-whistle', dueBefore: '2026-11-30T15:59:59.999Z', minPriority: '51', text: '核查 CASE-1' });
  });

  it('should NOT send a text of spaces only', () => {
    expect(taskListParams('mine', { sort: 'due', text: '   ' }, ['bajiao'])).not.toHaveProperty('text');
  });
});

describe('priorityLevel', () => {
  it('should band priorities as Camunda\'s task list does', () => {
    // given / when / then
    expect([0, 25, 26, 50, 51, 75, 76, 100].map(priorityLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });
});

describe('displayOrder', () => {
  const tasks = [{ id: 'none', dueDate: null }, { id: 'soon', dueDate: '2026-11-27T08:00:00Z' }, { id: 'later', dueDate: '2026-11-28T08:00:00Z' }];

  it('should put tasks without a due date last when sorted by due date, keeping the server\'s order otherwise', () => {
    // given / when / then
    expect(displayOrder(tasks, 'due').map((t) => t.id)).toEqual(['soon', 'later', 'none']);
  });

  it('should NOT reorder other sorts', () => {
    // given / when / then
    expect(displayOrder(tasks, '-priority').map((t) => t.id)).toEqual(['none', 'soon', 'later']);
  });
});
