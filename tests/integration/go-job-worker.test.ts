// The Go external job worker of examples/go-job-worker (built here with `go build` into .tools/, cached by its module's
// content) serves job type demo.external.reverse on task queue jobs.demo.external.reverse against the test stack's
// Temporal server: the case completes with the Go worker's result, and its BPMN error is caught by the error boundary.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { completedIds, runCase } from '../support/cases';
import { buildGoProgram, GO_BUILD_TIMEOUT_MS } from '../support/goBuild';
import { startTestStack, type TestStack } from '../support/stack';

const fixture = path.join(__dirname, 'fixtures/external-reverse.bpmn');

describe('an external job worker written in Go', () => {
  let stack: TestStack;
  let worker: ChildProcess;
  let output = '';
  beforeAll(async () => {
    const binary = await buildGoProgram('examples/go-job-worker');
    stack = await startTestStack();
    worker = spawn(binary, [], {
      env: { ...process.env, TEMPORAL_ADDRESS: stack.env.address, TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [worker.stdout, worker.stderr]) stream?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  }, GO_BUILD_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      await exited;
    }
    await stack?.stop();
  });

  it('should complete the case with the variables the Go worker returns', async () => {
    // when a case runs the service task of type demo.external.reverse
    const c = await runCase(stack, fixture, { variables: { request: { text: '麻雀 sparrow' } } });
    const result = await c.result();

    // then the Go worker's result is in the case's variables
    expect(result).toMatchObject({ status: 'completed', variables: { reversed: 'worraps 雀麻!', reversedBy: 'go' } });
    expect(completedIds(await c.state())).toContain('Reversed');
    expect(output).toContain('serving job type demo.external.reverse on task queue jobs.demo.external.reverse');
  });

  it('should let the error boundary event catch the BPMN error the Go worker returns', async () => {
    // when the Go worker refuses the text with the BPMN error REVERSE_REFUSED
    const c = await runCase(stack, fixture, { variables: { request: { text: 'refuse' } } });
    const result = await c.result();

    // then the boundary event took over with the error's variables
    expect(result).toMatchObject({ status: 'completed', variables: { refusedBecause: 'a blocked word' } });
    expect(completedIds(await c.state())).toEqual(expect.arrayContaining(['Refused', 'RefusedEnd']));
  });
});
