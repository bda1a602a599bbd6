// Corpus execution: the Zeebe corpora's models (and a sample of bpmn-elements scenarios) run on the real stack
// with the path and end state their upstream tests state.
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../../engine/compile';
import { runCase } from '../support/cases';
import { CORPORA } from '../support/paths';
import { startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { corpusCases, type CorpusContext, EXHAUSTIVE_FOLDERS, type JobCall, recordingJobTypes, skippedModels } from './corpus-cases';

const FIXTURES = path.join(__dirname, 'corpus-fixtures');

function bpmnFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return bpmnFiles(file);
    return entry.name.endsWith('.bpmn') ? [file] : [];
  });
}

describe('corpus execution', () => {
  const log: JobCall[] = [];
  const executed = new Set<string>();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ jobTypes: recordingJobTypes(corpusCases.map((c) => c.jobs ?? {}), log) });
  });

  afterAll(async () => {
    const byFolder = [...executed].reduce((counts, file) => counts.set(file.split('/')[0], (counts.get(file.split('/')[0]) ?? 0) + 1), new Map<string, number>());
    console.log(
      `corpus execution: ${executed.size} of ${corpusCases.length} models executed as stated (${[...byFolder].map(([folder, n]) => `${folder} ${n}`).join(', ')}) | ${skippedModels.length} models skipped with a reason (listed in tests/engine/corpus-cases)`,
    );
    await stack?.stop();
  });

  it.each(corpusCases.map((c) => [c.corpus, c] as const))('should run %s as its corpus states', async (_name, corpusCase) => {
    const file = corpusCase.fixture ? path.join(FIXTURES, corpusCase.fixture) : path.join(CORPORA, corpusCase.corpus);
    const callsOf = (instanceId: string) => log.filter((call) => call.instanceId === instanceId);
    const context: CorpusContext = {
      start: (variables = {}, processId) => runCase(stack, file, { variables, processId }),
      calls: callsOf,
      untilCalls: (instanceId, jobType, count) =>
        eventually(async () => {
          const calls = callsOf(instanceId).filter((call) => call.jobType === jobType);
          return calls.length >= count ? calls : undefined;
        }, `${count} activation(s) of job ${jobType}`),
    };
    await corpusCase.run(context);
    executed.add(corpusCase.corpus);
  });

  it('should execute, or skip with a reason, every compiling model of the Zeebe corpora', async () => {
    // given the models of the folders whose expectations are all in this part's scope
    const listed = new Set([...corpusCases.map((c) => c.corpus), ...skippedModels.map((s) => s.corpus)]);
    const files = EXHAUSTIVE_FOLDERS.flatMap((folder) => bpmnFiles(path.join(CORPORA, folder)));

    // when each is compiled
    const unlisted: string[] = [];
    const refusedButExecuted: string[] = [];
    for (const file of files) {
      const corpus = path.relative(CORPORA, file);
      const compiled = (await compile(fs.readFileSync(file, 'utf8'))).problems.length === 0;
      if (compiled && !listed.has(corpus)) unlisted.push(corpus);
      if (!compiled && corpusCases.some((c) => c.corpus === corpus && !c.fixture)) refusedButExecuted.push(corpus);
    }

    // then every compiling model is executed or skipped with a reason, and every listed model exists
    expect(unlisted).toEqual([]);
    expect(refusedButExecuted).toEqual([]);
    expect([...listed].filter((corpus) => !fs.existsSync(path.join(CORPORA, corpus)))).toEqual([]);
  });
});
