// A case's timeline from its workflow state: finished steps in start order, then the active ones, named from the model.
import { nodeInfoOf, timelineEntries } from '../../../../designer/src/components/CaseTimeline/timelineEntries';

describe('timelineEntries', () => {
  const nodes = nodeInfoOf({ nodes: { Start: { kind: 'startEvent', name: '收到上报' }, Check: { kind: 'userTask', name: ' 现场核查 ' }, End: { kind: 'endEvent' } } });

  it('should list finished steps by start time, then active ones, with names and kinds', () => {
    // given
    const state = {
      completed: [
        { elementId: 'Check', tokenId: 't1', startedAt: '2026-11-27T08:01:00Z', endedAt: '2026-11-27T09:00:00Z' },
        { elementId: 'Start', tokenId: 't1', startedAt: '2026-11-27T08:00:00Z', endedAt: '2026-11-27T08:00:00Z' },
      ],
      activeElements: [{ elementId: 'End', tokenId: 't1', since: '2026-11-27T09:00:00Z' }],
    };

    // when
    const entries = timelineEntries(state, nodes);

    // then
    expect(entries.map((e) => [e.elementId, e.label, e.kind, e.endedAt !== null])).toEqual([
      ['Start', '收到上报', 'startEvent', true],
      ['Check', '现场核查', 'userTask', true],
      ['End', null, 'endEvent', false],
    ]);
  });

  it('should leave an element the model does not know unnamed (pages name it by its kind, never by its id)', () => {
    // given / when
    const [entry] = timelineEntries({ activeElements: [{ elementId: 'Ghost', tokenId: 't', since: '2026-11-27T08:00:00Z' }] }, {});

    // then
    expect(entry).toMatchObject({ label: null, kind: null, endedAt: null });
  });

  it('should tell an event subprocess from a subprocess', () => {
    // given
    const model = nodeInfoOf({ nodes: { OnRecall: { kind: 'subProcess', triggeredByEvent: true }, Handle: { kind: 'subProcess' } } });

    // when
    const entries = timelineEntries({ activeElements: [{ elementId: 'OnRecall', tokenId: 't1', since: '2026-01-01T00:00:00Z' }, { elementId: 'Handle', tokenId: 't2', since: '2026-01-01T00:00:01Z' }] }, model);

    // then
    expect(entries.map((e) => e.kind)).toEqual(['eventSubProcess', 'subProcess']);
  });

  it('should read no nodes from a model without a node map', () => {
    // given / when / then
    expect(nodeInfoOf(undefined)).toEqual({});
    expect(nodeInfoOf({ nodes: 'x' })).toEqual({});
  });
});
