// Call activities: the child case is started with the parent's variables, its end completes the call activity with
// the child's variables (all, or through output mappings), a failure is an incident whose resolution starts a new
// child, and terminating the call activity cancels the child.
import { bpmn, chain, endEvent, esc, startEvent, userTask } from './bpmn';
import { boundary, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

interface CallOptions {
  processId?: string;
  binding?: string;
  propagateAllChildVariables?: boolean;
  propagateAllParentVariables?: boolean;
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

/** A call activity calling `processId` (default `site-visit`) with the given zeebe:calledElement attributes and mappings. */
function callActivity(id: string, options: CallOptions = {}): string {
  const attributes = [
    `processId="${esc(options.processId ?? 'site-visit')}"`,
    options.binding ? `bindingType="${options.binding}"` : '',
    options.propagateAllChildVariables === undefined ? '' : `propagateAllChildVariables="${options.propagateAllChildVariables}"`,
    options.propagateAllParentVariables === undefined ? '' : `propagateAllParentVariables="${options.propagateAllParentVariables}"`,
  ].filter(Boolean);
  const mappings = [
    ...Object.entries(options.inputs ?? {}).map(([target, source]) => `<zeebe:input source="${esc(source)}" target="${target}" />`),
    ...Object.entries(options.outputs ?? {}).map(([target, source]) => `<zeebe:output source="${esc(source)}" target="${target}" />`),
  ];
  const io = mappings.length ? `<zeebe:ioMapping>${mappings.join('')}</zeebe:ioMapping>` : '';
  return `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement ${attributes.join(' ')} />${io}</bpmn:extensionElements></bpmn:callActivity>`;
}

const calling = (options: CallOptions = {}) => bpmn([startEvent('Start'), callActivity('Visit', options), endEvent('End'), ...chain('Start', 'Visit', 'End')]);

describe('call activity', () => {
  it('should start the child case with every variable it sees and wait for it', async () => {
    // given a call activity of process site-visit with an input mapping
    const h = await harnessFor(calling({ inputs: { siteName: '=site.name' } }), { instanceId: 'campaign:2026' });

    // when the case starts
    h.start({ site: { name: 'Dock 7' }, round: 1 });

    // then the child is started under <case>/<element>/<instance> with the parent's variables and the input-mapped local
    expect(h.commands).toEqual([
      {
        type: 'startChild',
        elementId: 'Visit',
        childInstanceId: 'campaign:2026/Visit/e3',
        processId: 'site-visit',
        binding: 'latest',
        variables: { site: { name: 'Dock 7' }, round: 1, siteName: 'Dock 7' },
      },
    ]);
    expect(h.waits()).toEqual([{ elementId: 'Visit', kind: 'child', processId: 'site-visit', childInstanceId: 'campaign:2026/Visit/e3' }]);
    expect(h.stepAudit()).toContainEqual({ kind: 'child.started', elementId: 'Visit' });
  });

  it('should give the child only its input mappings when propagateAllParentVariables is false', async () => {
    // given a call activity that propagates only its input mapping
    const h = await harnessFor(calling({ propagateAllParentVariables: false, inputs: { siteName: '=site.name' } }));

    // when the case starts, then the child gets only siteName
    h.start({ site: { name: 'Dock 7' }, secret: 'x' });
    expect(h.commands).toEqual([expect.objectContaining({ type: 'startChild', variables: { siteName: 'Dock 7' } })]);
  });

  it('should evaluate a FEEL processId and call the process it names', async () => {
    // given a call activity whose processId is ="visit-" + kind
    const h = await harnessFor(calling({ processId: '="visit-" + kind' }));

    // when the case starts with kind = "harbour", then process visit-harbour is called
    h.start({ kind: 'harbour' });
    expect(h.commands).toEqual([expect.objectContaining({ type: 'startChild', processId: 'visit-harbour' })]);
  });

  it('should raise an incident when a FEEL processId is no string', async () => {
    // given a call activity whose processId is =kind
    const h = await harnessFor(calling({ processId: '=kind' }));

    // when the case starts with kind = 7, then the call activity has an incident and nothing is started
    h.start({ kind: 7 });
    expect(h.commands).toEqual([]);
    expect(h.incidents()).toEqual([{ elementId: 'Visit', kind: 'expression', message: 'the processId of call activity <Visit> must be a non-empty string, got 7' }]);
  });

  it("should complete with all of the child's variables and record the child's final chain head", async () => {
    // given a started call activity
    const h = await harnessFor(calling());
    h.start({ round: 1 });

    // when the child completes with its variables and chain head
    h.completeChild('Visit', { visited: true, round: 2 }, { lastSeq: 9, hash: 'abc' });

    // then its variables are the parent's and the case completes
    expect(h.variables()).toEqual({ visited: true, round: 2 });
    expect(h.status()).toBe('completed');
    expect(h.stepAudit().slice(0, 2)).toEqual([
      { kind: 'child.completed', elementId: 'Visit' },
      { kind: 'variables.changed', elementId: 'Visit' },
    ]);
  });

  it('should set only the output mappings when the call activity has some', async () => {
    // given a call activity with output mapping outcome = visited
    const h = await harnessFor(calling({ outputs: { outcome: '=visited' } }));
    h.start({ round: 1 });

    // when the child completes, then only outcome is set
    h.completeChild('Visit', { visited: true, round: 2 });
    expect(h.variables()).toEqual({ round: 1, outcome: true });
  });

  it('should set nothing from the child when propagateAllChildVariables is false and there are no output mappings', async () => {
    // given a call activity that does not propagate the child's variables
    const h = await harnessFor(calling({ propagateAllChildVariables: false }));
    h.start({ round: 1 });

    // when the child completes, then the parent's variables stay as they were
    h.completeChild('Visit', { visited: true, round: 2 });
    expect(h.variables()).toEqual({ round: 1 });
    expect(h.status()).toBe('completed');
  });

  it('should apply output mappings also when propagateAllChildVariables is false', async () => {
    // given a call activity that does not propagate all child variables but maps one
    const h = await harnessFor(calling({ propagateAllChildVariables: false, outputs: { outcome: '=visited' } }));
    h.start({ round: 1 });

    // when the child completes, then the mapped variable is set
    h.completeChild('Visit', { visited: 'yes', round: 2 });
    expect(h.variables()).toEqual({ round: 1, outcome: 'yes' });
  });

  it('should raise an incident when the child fails, and start a new child under a new id when it is resolved', async () => {
    // given a call activity whose called process is not deployed
    const h = await harnessFor(calling(), { instanceId: 'c' });
    h.start();

    // when the child fails
    h.failChild('Visit', 'process <site-visit> is not deployed');

    // then the call activity has an incident naming the process
    expect(h.incidents()).toEqual([
      { elementId: 'Visit', kind: 'childFailed', message: 'the called process <site-visit> (case c/Visit/e3) did not complete: process <site-visit> is not deployed' },
    ]);

    // when it is resolved, then a second child is started under the next attempt's id
    h.resolveIncident('Visit');
    expect(h.commands).toEqual([expect.objectContaining({ type: 'startChild', childInstanceId: 'c/Visit/e3.2' })]);
    h.completeChild('Visit', {});
    expect(h.status()).toBe('completed');
  });

  it('should cancel the child when the case is cancelled', async () => {
    // given a running call activity
    const h = await harnessFor(calling(), { instanceId: 'c' });
    h.start();

    // when the case is cancelled, then the child is cancelled and the withdrawal recorded
    h.cancel('no longer needed');
    expect(h.commands).toEqual([{ type: 'cancelChild', elementId: 'Visit', childInstanceId: 'c/Visit/e3' }]);
    expect(h.stepAudit().slice(0, 2)).toEqual([
      { kind: 'child.cancelled', elementId: 'Visit' },
      { kind: 'element.terminated', elementId: 'Visit' },
    ]);
  });

  it('should cancel the child when an interrupting boundary timer fires, and not take its result afterwards', async () => {
    // given a call activity with an interrupting PT1H boundary timer leading to a user task
    const xml = bpmn([
      startEvent('Start'),
      callActivity('Visit'),
      boundary('Late', 'Visit', timerDef('duration', 'PT1H')),
      userTask('Chase'),
      endEvent('End'),
      ...chain('Start', 'Visit', 'End'),
      ...chain('Late', 'Chase'),
    ]);
    const h = await harnessFor(xml, { instanceId: 'c' });
    h.start();

    // when the timer fires
    h.fireTimer('Late');

    // then the child is cancelled and the case goes on at the timer's flow
    expect(h.commands[0]).toEqual({ type: 'cancelChild', elementId: 'Visit', childInstanceId: 'c/Visit/e3' });
    expect(h.activeElements()).toEqual(['Chase']);
    expect(() => h.completeChild('Visit', {})).toThrow(/no child waits at <Visit>/);
  });
});
