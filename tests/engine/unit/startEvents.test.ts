// Start events of the process (Camunda 8): a case starts at its none start event, or at the timer or message start
// event named by the start event's `startNodeId`, which completes at once with the event's variables.
import { bpmn, chain, endEvent, flow, startEvent, userTask } from './bpmn';
import { eventStart, messageDef, timerDef } from './bpmnEvents';
import { harnessFor } from './harness';

/** None start `Start` -> `Manual`; timer start `Monthly` -> `Meeting`; message start `Reported` -> `Triage`; all end at `End`. */
const threeStarts = () =>
  bpmn([
    startEvent('Start'),
    eventStart('Monthly', timerDef('cycle', 'R/2026-01-01T09:00:00+08:00/P1M')),
    eventStart('Reported', messageDef('incident-reported', '=ignored')),
    userTask('Manual'),
    userTask('Meeting'),
    userTask('Triage'),
    endEvent('End'),
    flow('Start_Manual', 'Start', 'Manual'),
    flow('Monthly_Meeting', 'Monthly', 'Meeting'),
    flow('Reported_Triage', 'Reported', 'Triage'),
    flow('Manual_End', 'Manual', 'End'),
    flow('Meeting_End', 'Meeting', 'End'),
    flow('Triage_End', 'Triage', 'End'),
  ]);

describe('start events of the process', () => {
  it('should start at the none start event when no start event is named', async () => {
    // given a process with a none, a timer and a message start event
    const h = await harnessFor(threeStarts());

    // when the case starts as POST /api/instances starts it
    h.start({ a: 1 });

    // then only the none start event's path runs, with the start variables on the process
    expect(h.activeElements()).toEqual(['Manual']);
    expect(h.completedElements()).toEqual(['Start']);
    expect(h.variables()).toEqual({ a: 1 });
  });

  it('should start at a timer start event and complete it at once', async () => {
    // given the same process
    const h = await harnessFor(threeStarts());

    // when its schedule starts a case at the timer start event
    h.startFrom('Monthly');

    // then the timer start event completes at once and its path runs; the none start event does not
    expect(h.completedElements()).toEqual(['Monthly']);
    expect(h.activeElements()).toEqual(['Meeting']);
    expect(h.audit().map((e) => e.kind).slice(0, 3)).toEqual(['instance.started', 'element.entered', 'element.left']);
  });

  it('should start at a message start event with the message variables on the process', async () => {
    // given the same process
    const h = await harnessFor(threeStarts());

    // when a message starts a case at the message start event
    h.startFrom('Reported', { site: 'A-12' });

    // then the event completes with the message's variables, which land on the process
    expect(h.completedElements()).toEqual(['Reported']);
    expect(h.activeElements()).toEqual(['Triage']);
    expect(h.variables()).toEqual({ site: 'A-12' });
  });

  it('should apply the output mappings of a message start event to the message variables', async () => {
    // given a message start event that maps the message's `site` to `location`
    const mapped = bpmn([
      `<bpmn:startEvent id="Reported"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=site" target="location" /></zeebe:ioMapping></bpmn:extensionElements>${messageDef('incident-reported', '=x')}</bpmn:startEvent>`,
      userTask('Triage'),
      ...chain('Reported', 'Triage'),
    ]);
    const h = await harnessFor(mapped);

    // when a message starts a case there
    h.startFrom('Reported', { site: 'A-12', noise: true });

    // then only the mapped variable reaches the process
    expect(h.variables()).toEqual({ location: 'A-12' });
  });

  it('should raise an incident on the process when started at an element that is no timer or message start event', async () => {
    // given the same process
    const h = await harnessFor(threeStarts());

    // when a case is started at the none start event's task
    h.startFrom('Manual');

    // then nothing runs and the process has an incident naming the element
    expect(h.activeElements()).toEqual([]);
    expect(h.incidents()).toEqual([{ elementId: 'p', kind: 'expression', message: '<Manual> is not a timer or message start event of process <p>' }]);
  });

  it('should raise an incident when a process without a none start event is started without a start event', async () => {
    // given a process that only a message starts
    const h = await harnessFor(bpmn([eventStart('Reported', messageDef('incident-reported', '=x')), userTask('Triage'), ...chain('Reported', 'Triage')]));

    // when a case is started at no start event
    h.start();

    // then the process has an incident saying it starts only at its event start events
    expect(h.incidents()).toEqual([{ elementId: 'p', kind: 'expression', message: 'process <p> has no none start event; it starts only at its timer or message start events' }]);
  });
});
