// The values behind recorded variable changes, matched by hash against what the history holds (pure, on a committed export).
import fs from 'node:fs';
import path from 'node:path';
import { jsonSha256 } from '../../engine/hash';
import type { CaseExport } from '../../audit/caseExport';
import { historyFacts } from '../../audit/historyFacts';
import { buildTimeline } from '../../audit/timeline';
import type { NumberedEntry } from '../../audit/types';
import { changedValues, valuesByHash } from '../../audit/variableValues';

const exported = JSON.parse(fs.readFileSync(path.join(__dirname, 'exports/audit-case-handled.v1.json'), 'utf8')) as CaseExport;
const entries = exported.audit.map((row) => ({ ...row, kind: row.kind as NumberedEntry['kind'], elementId: row.elementId ?? undefined, tokenId: row.tokenId ?? undefined, data: row.dataJson ? JSON.parse(row.dataJson) : null }));

describe('variable values of the audit timeline', () => {
  it('should attach to each variable change its seq and the values the history holds (form data, job results)', () => {
    // when
    const timeline = buildTimeline(entries, historyFacts(exported.history));

    // then
    const changed = (elementId: string) => timeline.find((s) => s.elementId === elementId)?.data.variablesChanged as Array<Record<string, unknown>>;
    expect(changed('Register')).toEqual([expect.objectContaining({ seq: 7, by: 'wang', values: { confirmed: true, location: expect.any(String), note: expect.any(String) } })]);
    expect(changed('Check')).toEqual([expect.objectContaining({ seq: 12, by: 'system', values: { addressValid: true, district: expect.any(String) } })]);
    expect(changed('Handle')[0].values).toEqual(expect.objectContaining({ outcome: expect.anything() }));
  });

  it('should leave out a change whose value the history does not hold, and never name a value whose hash differs', () => {
    // given
    const known = valuesByHash({ input: { variables: { a: 1, b: 'x' } } as never, updates: [], activities: [], closed: null });
    const changes = [
      { name: 'a', scope: 's1', oldHash: null, newHash: jsonSha256(1) },
      { name: 'b', scope: 's1', oldHash: null, newHash: jsonSha256('computed elsewhere') },
      { name: 'flag', scope: 's1', oldHash: null, newHash: jsonSha256(true) },
    ];

    // when
    const values = changedValues(changes, known);

    // then
    expect(values).toEqual({ a: 1, flag: true });
  });
});
