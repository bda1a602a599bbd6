// What the report says a step set: the start variables for the case itself, each recorded change otherwise (a value
// the history does not hold by its hash), a variable set twice once with its last value.
import type { TimelineStep } from '../../../../designer/src/api/audit';
import { valuesSetBy } from '../../../../designer/src/pages/AuditReport/stepFacts';

const step = (overrides: Partial<TimelineStep>): TimelineStep => ({
  index: 1,
  elementId: 'Task_Investigate',
  elementName: '调查取证',
  elementKind: 'userTask',
  tokenId: 't1',
  startedBy: 'system',
  actor: 'bajiao-staff',
  startedAt: '2026-11-27T08:00:00.000Z',
  endedAt: '2026-11-27T08:01:00.000Z',
  status: 'completed',
  data: {},
  auditSeqs: [2],
  ...overrides,
});

describe('valuesSetBy', () => {
  it('should give the case its start variables', () => {
    // when
    const values = valuesSetBy(step({ elementId: null, elementKind: 'case', data: { variables: { issue: '占道经营', count: 2 } } }));

    // then
    expect(values).toEqual([
      { name: 'issue', value: { known: true, value: '占道经营' } },
      { name: 'count', value: { known: true, value: 2 } },
    ]);
  });

  it('should give a step its recorded changes, a value the history does not hold by its hash, the last of a variable set twice', () => {
    // given
    const data = {
      variablesChanged: [
        { seq: 3, changes: [{ name: 'violationFound', newHash: 'h1' }, { name: 'secret', newHash: 'h2' }], values: { violationFound: true } },
        { seq: 4, changes: [{ name: 'violationFound', newHash: 'h3' }], values: { violationFound: false } },
      ],
    };

    // when
    const values = valuesSetBy(step({ data }));

    // then
    expect(values).toEqual([
      { name: 'secret', value: { known: false, hash: 'h2' } },
      { name: 'violationFound', value: { known: true, value: false } },
    ]);
  });

  it('should NOT list anything for a step that set nothing', () => {
    expect(valuesSetBy(step({ data: { job: 'sparrow.notify' } }))).toEqual([]);
  });
});
