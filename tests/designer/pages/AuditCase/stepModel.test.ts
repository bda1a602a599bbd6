// The auditor's step model on a committed case export (Start → Register → Check (incident, resolved) → Decide → Handle
// → Handled): tokens, path and variables at each step, and parallel tokens on a hand-made chain.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditRow, TimelineStep } from '../../../../designer/src/api/audit';
import { auditSteps, type FlowEnds, pathAt, positionOfSeq, tokensAt, variablesAt } from '../../../../designer/src/pages/AuditCase/stepModel';
import type { CaseExport } from '../../../../audit/caseExport';
import { historyFacts } from '../../../../audit/historyFacts';
import { buildTimeline } from '../../../../audit/timeline';
import type { NumberedEntry } from '../../../../audit/types';

const exported = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../audit/exports/audit-case-handled.v1.json'), 'utf8')) as CaseExport;
const rows: AuditRow[] = exported.audit.map((row) => ({ ...row, data: row.dataJson ? JSON.parse(row.dataJson) : null }));
const entries = exported.audit.map((row) => ({ ...row, kind: row.kind as NumberedEntry['kind'], elementId: row.elementId ?? undefined, tokenId: row.tokenId ?? undefined, data: row.dataJson ? JSON.parse(row.dataJson) : null }));
const timeline = JSON.parse(JSON.stringify(buildTimeline(entries, historyFacts(exported.history)))) as TimelineStep[];
const flows = Object.values((exported.definition.model as unknown as { flows: Record<string, FlowEnds> }).flows);

const row = (seq: number, kind: string, elementId: string | null, tokenId: string | null): AuditRow => ({
  seq,
  instanceId: 'p:1',
  at: `2026-11-28T00:00:0${seq}.000Z`,
  actor: 'system',
  kind,
  elementId,
  tokenId,
  definitionVersion: 1,
  dataJson: null,
  data: null,
  dataHash: null,
  prevHash: null,
  hash: null,
});

describe('the auditor\'s step model', () => {
  const steps = auditSteps(timeline, rows, flows);
  const at = (elementId: string | null) => steps.find((s) => s.step.elementId === elementId)!;

  it('should give one position per timeline step, the case first with its start variables and no token', () => {
    expect(steps.map((s) => s.step.elementId)).toEqual([null, 'Start', 'Register', 'Check', 'Decide', 'Handle', 'Handled']);
    expect(steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps[0].tokens).toEqual([]);
    expect(Object.keys(steps[0].variables).sort()).toEqual(['reportNo', 'source']);
    expect(steps[0].variables.reportNo).toEqual({ known: true, value: expect.anything() });
  });

  it('should put the token on the step\'s element and mark what was left and taken before it', () => {
    expect(at('Register').tokens).toEqual([{ tokenId: 't3', elementId: 'Register' }]);
    expect(at('Check').tokens).toEqual([{ tokenId: 't4', elementId: 'Check' }]);
    expect(at('Check').done).toEqual(['Start', 'Register']);
    expect(at('Check').taken.sort()).toEqual(['Flow_1', 'Flow_2']);
    expect(at('Handled').taken).toContain('Flow_confirmed');
    expect(at('Handled').taken).not.toContain('Flow_rejected');
  });

  it('should show the variables after the step, with the ones it changed named', () => {
    expect(at('Register').changed.sort()).toEqual(['confirmed', 'location', 'note']);
    expect(at('Register').variables.confirmed).toEqual({ known: true, value: true });
    expect(at('Register').variables.addressValid).toBeUndefined();
    expect(at('Check').variables.addressValid).toEqual({ known: true, value: true });
    expect(at('Decide').changed).toEqual([]);
    expect(Object.keys(at('Handled').variables).sort()).toEqual(['addressValid', 'confirmed', 'district', 'location', 'note', 'outcome', 'photos', 'reportNo', 'source']);
  });

  it('should keep only the hash of a changed value the history does not hold', () => {
    // given a change whose value was computed (no recorded value matches its hash)
    const changed: TimelineStep[] = [
      { ...timeline[0], data: { variables: { a: 1 } } },
      { ...timeline[1], data: { variablesChanged: [{ seq: 3, changes: [{ name: 'a', newHash: 'f'.repeat(64) }], values: {} }] } },
    ];

    // then
    expect(variablesAt(changed, 2)).toEqual({ a: { known: true, value: 1 } });
    expect(variablesAt(changed, 3)).toEqual({ a: { known: false, hash: 'f'.repeat(64) } });
  });

  it('should follow parallel tokens: both branches hold one until each leaves, and the case\'s end clears them', () => {
    // given a split into A and B
    const chain = [
      row(1, 'instance.started', null, null),
      row(2, 'element.entered', 'Split', 't1'),
      row(3, 'element.left', 'Split', 't1'),
      row(4, 'element.entered', 'A', 't2'),
      row(5, 'element.entered', 'B', 't3'),
      row(6, 'element.left', 'A', 't2'),
      row(7, 'task.cancelled', 'B', 't3'),
      row(8, 'element.entered', 'End', 't4'),
      row(9, 'instance.completed', null, null),
    ];

    // then
    expect(tokensAt(chain, 5).map((t) => t.elementId)).toEqual(['A', 'B']);
    expect(tokensAt(chain, 6).map((t) => t.elementId)).toEqual(['B']);
    expect(tokensAt(chain, 8).map((t) => t.elementId)).toEqual(['End']);
    expect(tokensAt(chain, 9)).toEqual([]);
  });

  it('should end a step as cancelled on element.terminated: its token gone, its element NOT marked passed', () => {
    // given: a boundary timer interrupted task B (engine format 2)
    const chain = [
      row(1, 'instance.started', null, null),
      row(2, 'element.entered', 'B', 't2'),
      row(3, 'job.cancelled', 'B', 't2'),
      row(4, 'element.terminated', 'B', 't2'),
      row(5, 'element.entered', 'Late', 't3'),
    ];

    // then
    expect(tokensAt(chain, 3).map((t) => t.elementId)).toEqual(['B']);
    expect(tokensAt(chain, 4)).toEqual([]);
    expect(tokensAt(chain, 5).map((t) => t.elementId)).toEqual(['Late']);
    expect(pathAt(chain, 5, [{ id: 'F', source: 'B', target: 'Next' }]).done).toEqual([]);
  });

  it('should find the step a chain row belongs to', () => {
    expect(positionOfSeq(steps, 1)).toBe(1);
    expect(positionOfSeq(steps, 11)).toBe(at('Check').position);
    expect(positionOfSeq(steps, 999)).toBeUndefined();
  });

  it('should mark only flows the case took when its own list is given', () => {
    const only = auditSteps(timeline, rows, flows, ['Flow_1']);
    expect(only.find((s) => s.step.elementId === 'Check')!.taken).toEqual(['Flow_1']);
  });
});
