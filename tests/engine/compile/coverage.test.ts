// Camunda 8's BPMN coverage page, row by row and cell by cell: each claim of coverageClaims.ts holds for its minimal
// diagram, and docs/bpmn-coverage.md and README.md show exactly these claims.
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../../../engine/compile';
import { ELEMENT_CLAIMS, EVENT_COLUMNS, EVENT_ROWS, type Claim, type EventColumn } from './coverageClaims';
import { blockOf, elementsTable, eventNotes, eventsTable, readmeTable } from './coverageMarkdown';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every row and cell of the page, named as the test titles show them. */
const cases: Array<[string, Claim]> = [
  ...ELEMENT_CLAIMS.map((claim): [string, Claim] => [`${claim.group}: ${claim.element}`, claim]),
  ...EVENT_ROWS.flatMap((row) =>
    (Object.keys(row.cells) as EventColumn[]).map((column): [string, Claim] => [`${row.type} event, ${EVENT_COLUMNS[column]}`, row.cells[column] as Claim]),
  ),
];

describe('Camunda 8 BPMN coverage', () => {
  describe('each row and cell', () => {
    it.each(cases.filter(([, claim]) => claim.sparrow.status === 'supported'))('should compile %s', async (_what, claim) => {
      // when
      const result = await compile(claim.xml);

      // then
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
    });

    it.each(cases.filter(([, claim]) => claim.sparrow.status === 'refused'))('should refuse %s, naming the element', async (_what, claim) => {
      // when
      const result = await compile(claim.xml);

      // then
      expect(result.processes).toEqual([]);
      expect(result.problems.map((problem) => problem.code)).toContain(claim.sparrow.status === 'refused' && claim.sparrow.code);
      expect(result.problems.filter((problem) => problem.elementId !== claim.elementId)).toEqual([]);
    });

    it.each(cases.filter(([, claim]) => claim.sparrow.status === 'ignored'))('should compile %s, ignored with a warning naming it', async (_what, claim) => {
      // when
      const result = await compile(claim.xml);

      // then
      expect(result.problems).toEqual([]);
      expect(result.warnings.map(({ code, elementId }) => ({ code, elementId }))).toContainEqual({
        code: claim.sparrow.status === 'ignored' && claim.sparrow.code,
        elementId: claim.elementId,
      });
      expect(result.warnings.filter((warning) => warning.code !== 'ignored-element')).toEqual([]);
    });
  });

  it('should show these claims in docs/bpmn-coverage.md and README.md, verbatim between their markers', () => {
    // given
    const doc = read('docs/bpmn-coverage.md');
    const readme = read('README.md');

    // then
    expect(blockOf(doc, 'elements')).toBe(elementsTable());
    expect(blockOf(doc, 'events')).toBe(eventsTable());
    expect(blockOf(doc, 'event-notes')).toBe(eventNotes());
    expect(blockOf(readme, 'readme')).toBe(readmeTable());
    expect(readme).toContain('(docs/bpmn-coverage.md)');
  });
});
