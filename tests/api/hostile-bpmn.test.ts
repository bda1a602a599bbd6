// Issue 10, hostile input: BPMN that attacks the parser or the server's time is refused with named problems (or compiled
// within bounds, off the request thread when large), and nothing is stored half-way.
import fs from 'node:fs';
import path from 'node:path';
import { DefinitionVersion, Definition } from '../../store/models';
import { compileOnWorker, INLINE_MAX_CHARS } from '../../server/services/compileOffThread';
import { type ApiStack, type ApiSession, startApiStack } from '../support/api';

const CORPORA = path.resolve(__dirname, '../../../shared/corpora');
/** The corpora's deliberately broken diagrams (MANIFEST.md, "Known oddities"). */
const ERROR_FIXTURE_DIRS = ['bpmn-moddle/test/fixtures/bpmn/error', 'bpmn-js/test/fixtures/bpmn/error', 'bpmn-js/test/fixtures/bpmn/import/error'];

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
const diagram = (body: string, prolog = '') => `<?xml version="1.0"?>${prolog}<bpmn:definitions ${NS} id="D" targetNamespace="x"><bpmn:process id="hostile" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

describe('hostile BPMN', () => {
  let stack: ApiStack;
  let owner: ApiSession;
  beforeAll(async () => {
    stack = await startApiStack();
    owner = await stack.as('owner');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Deploys and expects a 422 whose problems carry the code; returns the problems. */
  async function refused(xml: string, code: string): Promise<{ code: string; message: string; elementId?: string }[]> {
    const res = await owner.post('/api/deployments', { xml });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.problems.map((p: { code: string }) => p.code)).toContain(code);
    return res.body.problems;
  }

  it('should refuse external entities (XXE) and entity expansion without reading or expanding anything', async () => {
    const xxe = diagram('<bpmn:startEvent id="S" name="&xxe;"/>', '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    const laughs = diagram('<bpmn:startEvent id="S" name="&l9;"/>', `<!DOCTYPE d [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]>`);
    for (const xml of [xxe, laughs]) {
      const [problem] = await refused(xml, 'doctype-forbidden');
      expect(problem.message).toMatch(/DTDs and entities are refused/);
      expect(JSON.stringify(problem)).not.toMatch(/root:|haha/);
    }
  });

  it('should answer a 50 MB upload with 413 problem+json naming the limit', async () => {
    const res = await owner.post('/api/deployments', { xml: diagram(`<!-- ${'x'.repeat(50 * 1024 * 1024)} -->`) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/over/);
  });

  it('should refuse 100,000 elements before parsing them, naming the limit', async () => {
    const tasks = Array.from({ length: 100_000 }, (_, i) => `<bpmn:task id="T${i}"/>`).join('');
    const [problem] = await refused(diagram(`<bpmn:startEvent id="S"/>${tasks}`), 'too-many-elements');
    expect(problem.message).toMatch(/more than 50000 XML elements/);
  });

  it('should refuse 20,000 nested subprocesses (1.5 MB, compiled on a worker thread) naming the element past the depth limit', async () => {
    const depth = 20_000;
    const nested = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="P${i}"><bpmn:startEvent id="S${i}"/>`).join('') + '</bpmn:subProcess>'.repeat(depth);
    const xml = diagram(`<bpmn:startEvent id="S"/>${nested}`);
    expect(xml.length).toBeGreaterThan(INLINE_MAX_CHARS);
    const problems = await refused(xml, 'nesting-too-deep');
    expect(problems[0]).toMatchObject({ elementId: 'P50' });
  });

  it('should stop a compilation that runs over its time limit and say so', async () => {
    // a limit no worker can meet (starting one takes longer), so the limit is what answers
    const result = await compileOnWorker(diagram('<bpmn:startEvent id="S"/>'), 1);
    expect(result.problems).toEqual([{ code: 'compile-timeout', message: expect.stringContaining('took longer than') }]);
  });

  it('should refuse every error fixture of the corpora with named problems, and store nothing', async () => {
    // given
    if (!fs.existsSync(CORPORA)) throw new Error(`corpus folder ${CORPORA} is missing: this test needs ../shared/corpora beside the repository`);
    const files = ERROR_FIXTURE_DIRS.flatMap((dir) => fs.readdirSync(path.join(CORPORA, dir)).map((name) => path.join(dir, name)));
    const before = { definitions: await Definition.countDocuments(), versions: await DefinitionVersion.countDocuments() };

    // when each is deployed (binary files as the text a browser would send)
    const answers: string[] = [];
    for (const file of files) {
      const res = await owner.post('/api/deployments', { xml: fs.readFileSync(path.join(CORPORA, file), 'utf8') });
      const problems = (res.body.problems ?? []) as { code: string; message: string }[];
      const errors = (res.body.errors ?? []) as { path: string; message: string }[];
      // a file with U+0000 (binary) is refused by request validation, naming the field and the character
      const refusedAsText = res.status === 400 && errors.length === 1 && errors[0].path === 'body.xml' && errors[0].message.includes('U+0000');
      const named = refusedAsText || (res.status === 422 && problems.length > 0 && problems.every((p) => p.code && p.message.trim() && p.code !== 'internal-error'));
      if (!named) answers.push(`${file}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }

    // then each was refused with problems that say what is wrong, and nothing was stored
    expect(files.length).toBeGreaterThan(15);
    expect(answers).toEqual([]);
    expect({ definitions: await Definition.countDocuments(), versions: await DefinitionVersion.countDocuments() }).toEqual(before);
  });
});
