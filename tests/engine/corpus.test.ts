// Corpus run: every .bpmn of ../shared/corpora either compiles or is refused with element-named problems, never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { compile, type CompileResult } from '../../engine/compile';

const CORPORA = path.resolve(__dirname, '../../../shared/corpora');

/** Problems about the document as a whole, which name no element (an element without id cannot be named either). */
const DOCUMENT_CODES = new Set(['not-xml', 'not-bpmn', 'too-large', 'doctype-forbidden', 'no-executable-process', 'id-invalid']);

function bpmnFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) return bpmnFiles(file);
      return entry.name.endsWith('.bpmn') ? [file] : [];
    })
    .sort();
}

describe('corpus', () => {
  it('should compile or refuse every corpus diagram with element-named problems, never throwing', async () => {
    // given
    if (!fs.existsSync(CORPORA)) throw new Error(`corpus folder ${CORPORA} is missing: the corpus run needs ../shared/corpora beside the repository`);
    const files = bpmnFiles(CORPORA);
    expect(files.length).toBeGreaterThan(0);

    // when
    const thrown: string[] = [];
    const results = new Map<string, CompileResult>();
    for (const file of files) {
      try {
        results.set(path.relative(CORPORA, file), await compile(fs.readFileSync(file, 'utf8')));
      } catch (error) {
        thrown.push(`${path.relative(CORPORA, file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    // then
    const unnamed: string[] = [];
    const outcomes = new Map<string, number>();
    for (const [file, result] of results) {
      const outcome = result.problems.length === 0 ? 'compiled' : `refused:${result.problems[0].code}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      for (const problem of result.problems) {
        const named = problem.elementId !== undefined && problem.elementId !== '';
        if (problem.message.trim() === '' || problem.code === 'internal-error' || (!named && !DOCUMENT_CODES.has(problem.code))) {
          unnamed.push(`${file}: ${JSON.stringify(problem)}`);
        }
      }
    }
    const refused = [...outcomes].filter(([outcome]) => outcome !== 'compiled').reduce((sum, [, count]) => sum + count, 0);
    const byCode = [...outcomes].filter(([outcome]) => outcome !== 'compiled').sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    console.log(
      [`corpus ${files.length} files`, `compiled ${outcomes.get('compiled') ?? 0}`, `refused ${refused}`, ...byCode.map(([outcome, count]) => `${outcome} ${count}`), `thrown ${thrown.length}`].join(' | '),
    );
    expect(thrown).toEqual([]);
    expect(unnamed).toEqual([]);
  });
});
