// Service and send tasks (job elements): the runJob command, the job's result, failures, retries and incidents.
import { bpmn, chain, endEvent, serviceTask, startEvent } from './bpmn';
import { harnessFor } from './harness';
import { jobHeaders, watchCommands } from './taskDrivers';

/** A service task with a job type, retries, a header and an input mapping n = parcel.weight. */
const weigh = `<bpmn:serviceTask id="Weigh"><bpmn:extensionElements>
  <zeebe:taskDefinition type="parcel.weigh" retries="5" />
  <zeebe:taskHeaders><zeebe:header key="unit" value="kg" /></zeebe:taskHeaders>
  <zeebe:ioMapping><zeebe:input source="=parcel.weight" target="n" /></zeebe:ioMapping>
</bpmn:extensionElements></bpmn:serviceTask>`;

/** A send task whose message is sent by a job of type `notice.send`. */
const notify = `<bpmn:sendTask id="Notify"><bpmn:extensionElements><zeebe:taskDefinition type="notice.send" /></bpmn:extensionElements></bpmn:sendTask>`;

const oneStep = (element: string, id: string) => bpmn([startEvent('Start'), element, endEvent('End'), ...chain('Start', id, 'End')]);

describe('service task', () => {
  it('should ask for its job with the job type, retries and the variables it sees, and wait for it', async () => {
    // given a service task with job type parcel.weigh, retries="5" and an input mapping n = parcel.weight
    const h = await harnessFor(oneStep(weigh, 'Weigh'));

    // when the case starts
    h.start({ parcel: { weight: 21 } });

    // then one job is asked for, with the case's variables and the input-mapped local, and the task waits for it
    expect(h.commands).toEqual([{ type: 'runJob', elementId: 'Weigh', jobType: 'parcel.weigh', retries: 5, variables: { parcel: { weight: 21 }, n: 21 } }]);
    expect(h.waits()).toEqual([{ elementId: 'Weigh', kind: 'job', jobType: 'parcel.weigh' }]);
    expect(h.activeElements()).toEqual(['Weigh']);
    expect(h.status()).toBe('running');
  });

  it('should give the job the task headers', async () => {
    // given a service task with the header unit = kg
    const h = await harnessFor(oneStep(weigh, 'Weigh'));
    const raw = watchCommands(h);

    // when the case starts, then its job carries the headers
    h.start({ parcel: { weight: 21 } });
    expect(jobHeaders(raw, 'Weigh')).toEqual({ unit: 'kg' });
  });

  it('should give a job 3 retries when the task definition does not say (Camunda 8 default)', async () => {
    // given a service task without retries
    const h = await harnessFor(oneStep(serviceTask('Print', 'printer.print'), 'Print'));

    // when the case starts, then the job has 3 retries
    h.start();
    expect(h.commands).toEqual([expect.objectContaining({ type: 'runJob', elementId: 'Print', retries: 3 })]);
  });

  it('should merge the job result into the process variables and move on', async () => {
    // given a case waiting for the job of a service task without output mappings
    const h = await harnessFor(oneStep(serviceTask('Print', 'printer.print'), 'Print'));
    h.start({ copies: 2 });

    // when the job completes with a result
    h.completeJob('Print', { printed: true, copies: 3 });

    // then the result is merged into the process variables (new and updated ones) and the case completes
    expect(h.variables()).toEqual({ copies: 3, printed: true });
    expect(h.waits()).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.stepAudit()).toEqual([
      { kind: 'variables.changed', elementId: 'Print' },
      { kind: 'element.left', elementId: 'Print' },
      { kind: 'element.entered', elementId: 'End' },
      { kind: 'element.left', elementId: 'End' },
      { kind: 'instance.completed' },
    ]);
  });

  it('should apply output mappings to the job result instead of merging it', async () => {
    // given a service task with the output mapping total = doubled + 1
    const h = await harnessFor(oneStep(serviceTask('Double', 'math.double', { outputs: { total: '=doubled + 1' } }), 'Double'));
    h.start({ n: 21 });

    // when its job returns doubled (and another variable)
    h.completeJob('Double', { doubled: 42, scratch: 'x' });

    // then only the mapped variable reaches the process
    expect(h.variables()).toEqual({ n: 21, total: 43 });
  });

  it('should keep the job waiting while it has retries left, and raise an incident when the last retry fails', async () => {
    // given a case waiting for a job with retries="3"
    const h = await harnessFor(oneStep(serviceTask('Print', 'printer.print', { retries: 3 }), 'Print'));
    h.start();

    // when two attempts fail with retries left
    h.failJob('Print', 'the printer is jammed', 2).failJob('Print', 'the printer is jammed', 1);

    // then the task still waits for its job and there is no incident
    expect(h.waits()).toEqual([{ elementId: 'Print', kind: 'job', jobType: 'printer.print' }]);
    expect(h.incidents()).toEqual([]);

    // when the last retry fails too
    h.failJob('Print', 'the printer is on fire');

    // then an incident stops the task with the failure's message; the case keeps running, nothing is waited for
    expect(h.incidents()).toEqual([{ elementId: 'Print', kind: 'jobFailed', message: 'the printer is on fire' }]);
    expect(h.activeElements()).toEqual(['Print']);
    expect(h.waits()).toEqual([]);
    expect(h.status()).toBe('running');
    expect(h.stepAudit()).toEqual([{ kind: 'incident.raised', elementId: 'Print' }]);
  });

  it('should raise an incident when the job returns something that is no object of variables', async () => {
    // given a case waiting for a job
    const h = await harnessFor(oneStep(serviceTask('Print', 'printer.print'), 'Print'));
    h.start({ copies: 1 });

    // when the job returns a list
    h.completeJob('Print', ['not', 'variables'] as unknown as Record<string, unknown>);

    // then the task has an incident and the variables are unchanged
    expect(h.incidents()).toEqual([{ elementId: 'Print', kind: 'jobFailed', message: 'the job of <Print> returned a list, not an object of variables' }]);
    expect(h.variables()).toEqual({ copies: 1 });
  });
});

describe('send task', () => {
  it('should send its message through a job and move on when the job completes', async () => {
    // given a send task of job type notice.send
    const h = await harnessFor(oneStep(notify, 'Notify'));

    // when the case starts
    h.start({ resident: 'r-7' });

    // then the job is asked for like a service task's
    expect(h.commands).toEqual([{ type: 'runJob', elementId: 'Notify', jobType: 'notice.send', retries: 3, variables: { resident: 'r-7' } }]);
    expect(h.waits()).toEqual([{ elementId: 'Notify', kind: 'job', jobType: 'notice.send' }]);

    // when the job completes with its result, then the result is merged and the case completes
    h.completeJob('Notify', { sentAt: '2026-01-01T00:00:00Z' });
    expect(h.variables()).toEqual({ resident: 'r-7', sentAt: '2026-01-01T00:00:00Z' });
    expect(h.status()).toBe('completed');
  });
});
