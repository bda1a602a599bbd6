// The bench report (issue 15): row results written as bench/results/row-<n>.json render as the README's table, one
// line per measurement with pass/fail and the bottleneck of a miss; rows without a result say "not run". No bench runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReport } from '../../bench/report';
import { percentile, readRowResults, rowResult, writeRowResult } from '../../bench/rowResult';

describe('the bench report', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('should render each measurement of each row with its target, pass or fail and the bottleneck of a miss', () => {
    // given
    writeRowResult(
      rowResult(5, 'Replay and verification', [
        { what: 'replay a 10,000-event history', figures: '7,200 events/s', target: '≥ 5,000 events/s', pass: true },
        { what: 'verify a 100,000-row chain', figures: '40,000 rows/s', target: '≥ 100,000 rows/s', pass: false, bottleneck: 'reading rows | FerretDB' },
      ], { events: 10_000 }),
      dir,
    );
    writeRowResult(rowResult(3, 'Step latency', [{ what: '20 API users', figures: 'p50 40 ms, p99 120 ms', target: 'p99 < 150 ms', pass: true }], {}, ['The machine was shared.']), dir);

    // when
    const results = readRowResults(dir);
    const table = renderReport(results).split('\n');

    // then
    expect(results.map((r) => [r.row, r.pass])).toEqual([[3, true], [5, false]]);
    expect(table.slice(0, 2)).toEqual(['| Row | What | Figures | Target | Result | Bottleneck / notes |', '| --- | --- | --- | --- | --- | --- |']);
    expect(table).toContain('| 3 | 20 API users | p50 40 ms, p99 120 ms | p99 < 150 ms | pass |  |');
    expect(table).toContain('| 5 | replay a 10,000-event history | 7,200 events/s | ≥ 5,000 events/s | pass |  |');
    expect(table).toContain('| 5 | verify a 100,000-row chain | 40,000 rows/s | ≥ 100,000 rows/s | **fail** | reading rows \\| FerretDB |');
    expect(table).toContain('| 1 | Interpreter vs hand-written Temporal workflow | — | — | not run | |');
    expect(table.find((line) => line.startsWith('- Row 3:'))).toMatch(/^- Row 3: \d+ cores \(.*\), load [\d.]+, Node v\d+.*, \d{4}-\d\d-\d\d\. The machine was shared\.$/);
  });

  it('should render a part of a row measured on another backend beside it, its figures reported without failing the row', () => {
    // given
    writeRowResult(rowResult(2, 'Task list', [{ what: 'mine', figures: 'p50 4 ms, p99 6 ms', target: 'p99 < 50 ms', pass: true }], {}), dir);
    writeRowResult(
      rowResult(2, 'Task list', [{ what: 'SQLite: mine', figures: 'p50 900 ms, p99 1,100 ms', target: 'p99 < 50 ms on PostgreSQL', pass: false, reportOnly: true, bottleneck: 'scans' }], {}),
      dir,
      'sqlite',
    );

    // when
    const results = readRowResults(dir);
    const table = renderReport(results).split('\n');

    // then
    expect(fs.readdirSync(dir).sort()).toEqual(['row-2-sqlite.json', 'row-2.json']);
    expect(results.map((r) => [r.row, r.pass])).toEqual([[2, true], [2, true]]);
    expect(table).toContain('| 2 | mine | p50 4 ms, p99 6 ms | p99 < 50 ms | pass |  |');
    expect(table).toContain('| 2 | SQLite: mine | p50 900 ms, p99 1,100 ms | p99 < 50 ms on PostgreSQL | reported | scans |');
    expect(table.findIndex((line) => line.startsWith('| 2 | mine'))).toBeLessThan(table.findIndex((line) => line.startsWith('| 2 | SQLite: mine')));
  });

  it('should take the nearest-rank percentile', () => {
    // given
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);

    // then
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), percentile([7], 99)]).toEqual([50, 99, 100, 7]);
  });
});
