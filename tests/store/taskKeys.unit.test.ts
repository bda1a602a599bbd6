// The pure rules of the hot/cold task read model (store/taskKeys.ts): which collection a list reads, the count rows a
// task adds to, how a change moves them, the tab counts a reader sees, and merging two collections' pages.
import { compareBySort, countDelta, countKeysOf, mergePage, tabCounts, taskCollectionsFor } from '../../store/taskKeys';

const open = { street: 'bajiao', assignee: null, candidateGroups: ['law', 'grid'], candidateUsers: [] as string[] };

describe('taskCollectionsFor', () => {
  it('should read the open tasks for open and claimed, the history for closed, and both for a mix or no status', () => {
    expect(taskCollectionsFor(['open', 'claimed'])).toBe('hot');
    expect(taskCollectionsFor(['completed'])).toBe('history');
    expect(taskCollectionsFor(['claimed', 'cancelled'])).toBe('both');
    expect(taskCollectionsFor(undefined)).toBe('both');
  });
});

describe('countKeysOf', () => {
  it('should count an unassigned task for its street and its set of candidates, once however many groups it names', () => {
    // when
    const keys = countKeysOf({ ...open, candidateGroups: ['law', 'grid', 'law'] });
    // then
    expect(keys.map((k) => k._id)).toEqual(['bajiao|*', 'bajiao|candidates:[["grid","law"],[]]']);
  });

  it('should count an assigned task for its street and its assignee only', () => {
    expect(countKeysOf({ ...open, assignee: 'li' }).map((k) => k._id)).toEqual(['bajiao|*', 'bajiao|assignee:li']);
  });
});

describe('countDelta', () => {
  it('should move a claimed task from its candidates to its assignee and leave the street as it was', () => {
    const delta = countDelta(open, { ...open, assignee: 'li' });
    expect(delta.map((d) => [d.key._id, d.by])).toEqual([
      ['bajiao|candidates:[["grid","law"],[]]', -1],
      ['bajiao|assignee:li', 1],
    ]);
  });

  it('should change nothing when a retry writes what is there', () => {
    expect(countDelta({ ...open, assignee: 'li' }, { ...open, assignee: 'li' })).toEqual([]);
  });

  it('should add an opened task and take a closed one off every row it was on', () => {
    expect(countDelta(null, open).map((d) => d.by)).toEqual([1, 1]);
    expect(countDelta(open, null).map((d) => d.by)).toEqual([-1, -1]);
  });
});

describe('tabCounts', () => {
  const rows = [
    { kind: 'street' as const, street: 'bajiao', groups: [], users: [], n: 40 },
    { kind: 'street' as const, street: 'lugu', groups: [], users: [], n: 7 },
    { kind: 'assignee' as const, street: 'bajiao', user: 'li', groups: [], users: [], n: 3 },
    { kind: 'candidates' as const, street: 'bajiao', groups: ['grid', 'law'], users: [], n: 5 },
    { kind: 'candidates' as const, street: 'bajiao', groups: [], users: ['li'], n: 2 },
    { kind: 'candidates' as const, street: 'lugu', groups: ['law'], users: [], n: 9 },
  ];

  it('should give a task worker their own, their groups\' in their streets, and no street count', () => {
    expect(tabCounts({ username: 'li', groups: ['law'], streets: ['bajiao'], seesWholeStreet: false }, rows)).toEqual({ mine: 3, group: 7, street: null });
  });

  it('should give a district-wide commander every street, or the one asked for', () => {
    const commander = { username: 'zhao', groups: ['law'], streets: ['*'], seesWholeStreet: true };
    expect(tabCounts(commander, rows)).toEqual({ mine: 0, group: 14, street: 47 });
    expect(tabCounts(commander, rows, 'lugu')).toEqual({ mine: 0, group: 9, street: 7 });
  });
});

describe('mergePage', () => {
  it('should merge both collections in the sort order, a row in both taken from the history', () => {
    // given a task whose move is half done: in both collections
    const hot = [{ _id: 'b', dueDate: new Date(2), status: 'open' }, { _id: 'c', dueDate: null, status: 'open' }];
    const history = [{ _id: 'a', dueDate: new Date(1), status: 'completed' }, { _id: 'b', dueDate: new Date(2), status: 'completed' }];
    // when
    const page = mergePage(hot, history, { dueDate: 1, _id: 1 }, 0, 10);
    // then nulls first (as MongoDB sorts ascending), b once, as completed
    expect(page.map((r) => `${r._id}:${r.status}`)).toEqual(['c:open', 'a:completed', 'b:completed']);
    expect(mergePage(hot, history, { dueDate: 1, _id: 1 }, 1, 1).map((r) => r._id)).toEqual(['a']);
  });

  it('should compare descending orders and ties by the next key', () => {
    const byPriority = compareBySort({ priority: -1, _id: 1 });
    expect([{ _id: 'y', priority: 1 }, { _id: 'x', priority: 1 }, { _id: 'z', priority: 9 }].sort(byPriority).map((r) => r._id)).toEqual(['z', 'x', 'y']);
  });
});
