// Compensation (Camunda 8): completed activities with a compensation boundary event are compensated by a compensation
// throw or end event of their scope — all of them, or the one its activityRef names — whose handlers run as ordinary
// element instances; the throw event waits for them. Inside completed subprocesses too; never twice; never for an
// activity that did not complete or whose scope was terminated.
import { bpmn, chain, endEvent, flow, gateway, serviceTask, startEvent, subProcess, userTask } from './bpmn';
import { boundary, errorDef, eventStart, eventSubProcess, messageDef, throwEvent, endWith } from './bpmnEvents';
import { multiInstance } from './bpmnLoops';
import { harnessFor } from './harness';

/** A compensation event definition, naming `activityRef` when given. */
const compensateDef = (activityRef?: string) => `<bpmn:compensateEventDefinition${activityRef ? ` activityRef="${activityRef}"` : ''} />`;

/** Marks the element of `xml` (a task or subprocess) as a compensation handler. */
const asHandler = (xml: string) => xml.replace(/^(<bpmn:\w+ id="[^"]*")/, '$1 isForCompensation="true"');

/** The compensation boundary event `<activity>_Comp` of `activity`, associated with `handlerXml` (its handler, id `handlerId`). */
const compensatedBy = (activity: string, handlerId: string, handlerXml: string) => [
  boundary(`${activity}_Comp`, activity, compensateDef()),
  asHandler(handlerXml),
  `<bpmn:association id="${activity}_Assoc" sourceRef="${activity}_Comp" targetRef="${handlerId}" />`,
];

/** Service task `id` (job type `id`) whose handler is service task `Undo<id>` (job type `undo-<id>`). */
const booking = (id: string) => [serviceTask(id, id), ...compensatedBy(id, `Undo${id}`, serviceTask(`Undo${id}`, `undo-${id}`))];

const kinds = (entries: Array<{ kind: string; elementId?: string }>, ...wanted: string[]) => entries.filter((e) => wanted.includes(e.kind));

describe('compensation', () => {
  it('should run the handlers of both completed activities of the scope and wait for them before going on', async () => {
    // given hotel and flight booked, then a compensation throw event
    const h = await harnessFor(
      bpmn([startEvent('Start'), ...booking('Hotel'), ...booking('Flight'), throwEvent('Undo', compensateDef()), endEvent('End'), ...chain('Start', 'Hotel', 'Flight', 'Undo', 'End')]),
    );
    h.start({ trip: 7 }).completeJob('Hotel', { hotelRef: 'H1' }).completeJob('Flight', { flightRef: 'F1' });

    // then both handlers' jobs run at once, with the scope's variables, and the throw event waits
    expect(h.commands).toEqual([
      { type: 'runJob', elementId: 'UndoHotel', jobType: 'undo-Hotel', retries: 3, variables: { trip: 7, hotelRef: 'H1', flightRef: 'F1' } },
      { type: 'runJob', elementId: 'UndoFlight', jobType: 'undo-Flight', retries: 3, variables: { trip: 7, hotelRef: 'H1', flightRef: 'F1' } },
    ]);
    expect(h.activeElements()).toEqual(['Undo', 'UndoFlight', 'UndoHotel']);
    expect(kinds(h.stepAudit(), 'compensation.thrown', 'element.entered')).toEqual([
      { kind: 'element.entered', elementId: 'Undo' },
      { kind: 'compensation.thrown', elementId: 'Undo' },
      { kind: 'element.entered', elementId: 'UndoHotel' },
      { kind: 'element.entered', elementId: 'UndoFlight' },
    ]);

    // when the first handler completes, the throw event still waits
    h.completeJob('UndoFlight');
    expect(h.activeElements()).toEqual(['Undo', 'UndoHotel']);
    expect(h.stepAudit()).toEqual([
      { kind: 'compensation.completed', elementId: 'UndoFlight' },
      { kind: 'element.left', elementId: 'UndoFlight' },
    ]);

    // when the last one completes, the throw event goes on and the case completes
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Hotel', 'Flight', 'UndoFlight', 'UndoHotel', 'Undo', 'End']);
  });

  it('should compensate only the activity its activityRef names, and never compensate an activity twice', async () => {
    // given a throw for Flight only, then a throw for all
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), ...booking('Hotel'), ...booking('Flight'),
        throwEvent('UndoFlightOnly', compensateDef('Flight')), throwEvent('UndoAll', compensateDef()), endEvent('End'),
        ...chain('Start', 'Hotel', 'Flight', 'UndoFlightOnly', 'UndoAll', 'End'),
      ]),
    );
    h.start().completeJob('Hotel').completeJob('Flight');

    // then only Flight's handler runs
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoFlight']);

    // when it completes, the second throw compensates Hotel only: Flight was compensated already
    h.completeJob('UndoFlight');
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoHotel']);
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  it('should wait for a handler that is a user task until a person completes it', async () => {
    // given a handler that asks a person to call the hotel
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), serviceTask('Hotel', 'Hotel'), ...compensatedBy('Hotel', 'CallHotel', userTask('CallHotel')),
        throwEvent('Undo', compensateDef()), endEvent('End'), ...chain('Start', 'Hotel', 'Undo', 'End'),
      ]),
    );
    h.start().completeJob('Hotel');

    // then the task is open and the case waits at the throw event
    expect(h.waits()).toEqual([{ elementId: 'CallHotel', kind: 'userTask', holder: null }]);
    expect(h.activeElements()).toEqual(['CallHotel', 'Undo']);

    // when the person completes it, the case goes on
    h.completeTask('CallHotel', { called: true });
    expect(h.status()).toBe('completed');
    expect(h.variables()).toEqual({ called: true });
  });

  it('should end with a compensation end event once its handlers completed; with nothing to compensate it ends at once', async () => {
    // given a compensation end event after a booking, beside a branch that ends by one at once
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), gateway('parallel', 'Split'), ...booking('Hotel'), endWith('Cancelled', compensateDef()), endWith('Nothing', compensateDef()),
        ...chain('Start', 'Split', 'Hotel', 'Cancelled'), flow('Split_Nothing', 'Split', 'Nothing'),
      ]),
    );

    // when the case starts, the end event of the other branch finds nothing to compensate (Hotel has not completed)
    h.start();
    expect(h.completedElements()).toEqual(['Start', 'Split', 'Nothing']);

    // when the booking completes, its compensation end event waits for the handler
    h.completeJob('Hotel');
    expect(h.activeElements()).toEqual(['Cancelled', 'UndoHotel']);
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  it('should not compensate an activity that has not completed', async () => {
    // given a booking still waiting for its job while another branch throws compensation
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), gateway('parallel', 'Split'), ...booking('Hotel'), throwEvent('Undo', compensateDef()), endEvent('End1'), endEvent('End2'),
        ...chain('Start', 'Split', 'Hotel', 'End1'), ...chain('Split', 'Undo', 'End2'),
      ]),
    );

    // when the case starts
    h.start();

    // then the throw event passes on at once, and the booking later completes without compensation
    expect(h.completedElements()).toEqual(['Start', 'Split', 'Undo', 'End2']);
    h.completeJob('Hotel');
    expect(h.status()).toBe('completed');
    expect(h.audit().filter((e) => e.elementId === 'UndoHotel')).toEqual([]);
  });

  it('should compensate inside a completed subprocess from a throw event of the scope around it', async () => {
    // given a trip subprocess that books a hotel, then an insurance booked outside it, then a compensation throw
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Trip', [startEvent('TripStart'), ...booking('Hotel'), endEvent('TripEnd'), ...chain('TripStart', 'Hotel', 'TripEnd')]),
        ...booking('Insurance'),
        throwEvent('Undo', compensateDef()), endEvent('End'),
        ...chain('Start', 'Trip', 'Insurance', 'Undo', 'End'),
      ]),
    );
    h.start().completeJob('Hotel').completeJob('Insurance');

    // then the throw at the outer level compensates Insurance and the Hotel booked inside the completed Trip
    expect(h.commands.map((c) => c.elementId).sort()).toEqual(['UndoHotel', 'UndoInsurance']);
    h.completeJob('UndoHotel').completeJob('UndoInsurance');
    expect(h.status()).toBe('completed');
  });

  it('should compensate what a completed subprocess holds when the activityRef names the subprocess', async () => {
    // given an insurance and a trip subprocess (hotel inside) both completed, and a throw for Trip only
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), ...booking('Insurance'),
        subProcess('Trip', [startEvent('TripStart'), ...booking('Hotel'), endEvent('TripEnd'), ...chain('TripStart', 'Hotel', 'TripEnd')]),
        throwEvent('UndoTrip', compensateDef('Trip')), endEvent('End'), ...chain('Start', 'Insurance', 'Trip', 'UndoTrip', 'End'),
      ]),
    );

    // when both bookings complete
    h.start().completeJob('Insurance').completeJob('Hotel');

    // then only the hotel inside the trip is compensated
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoHotel']);
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  it('should compensate only inside a subprocess when the throw event is inside it', async () => {
    // given a booking before the subprocess and one inside it, and a throw inside the subprocess
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), ...booking('Insurance'),
        subProcess('Trip', [startEvent('TripStart'), ...booking('Hotel'), throwEvent('UndoTrip', compensateDef()), endEvent('TripEnd'), ...chain('TripStart', 'Hotel', 'UndoTrip', 'TripEnd')]),
        endEvent('End'), ...chain('Start', 'Insurance', 'Trip', 'End'),
      ]),
    );

    // when both bookings complete
    h.start().completeJob('Insurance').completeJob('Hotel');

    // then only the Hotel inside the subprocess is compensated
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoHotel']);
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  it('should drop the records of a terminated scope: its completed activities are not compensated', async () => {
    // given a trip subprocess (hotel booked, then a wait) that a message interrupts, and a compensation throw after it
    const h = await harnessFor(
      bpmn([
        startEvent('Start'),
        subProcess('Trip', [startEvent('TripStart'), ...booking('Hotel'), userTask('Confirm'), endEvent('TripEnd'), ...chain('TripStart', 'Hotel', 'Confirm', 'TripEnd')]),
        boundary('Withdrawn', 'Trip', messageDef('withdrawn', '=caseId')),
        throwEvent('Undo', compensateDef()), endEvent('End'), endEvent('Done'),
        ...chain('Start', 'Trip', 'Done'), ...chain('Withdrawn', 'Undo', 'End'),
      ]),
    );
    h.start({ caseId: 'c1' }).completeJob('Hotel');

    // when the trip is withdrawn while waiting for confirmation
    h.correlate('withdrawn', 'c1');

    // then the subprocess is terminated and the throw finds nothing to compensate
    expect(h.status()).toBe('completed');
    expect(h.audit().filter((e) => e.elementId === 'UndoHotel')).toEqual([]);
    expect(h.completedElements()).toEqual(['Start', 'TripStart', 'Hotel', 'Withdrawn', 'Undo', 'End']);
  });

  it('should compensate the scope around an error event subprocess from a compensation end event inside it', async () => {
    // given a booking, then a payment whose job throws an error caught by an event subprocess that compensates
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), ...booking('Hotel'), serviceTask('Pay', 'pay'), endEvent('End'), ...chain('Start', 'Hotel', 'Pay', 'End'),
        eventSubProcess('OnFailure', [eventStart('Failed', errorDef('PAYMENT')), endWith('Revert', compensateDef('Hotel')), flow('Failed_Revert', 'Failed', 'Revert')]),
      ]),
    );
    h.start().completeJob('Hotel');

    // when the payment fails with a BPMN error
    h.throwJobError('Pay', 'PAYMENT');

    // then the hotel's handler runs inside the event subprocess, which ends once it completed
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoHotel']);
    expect(h.activeElements()).toEqual(['OnFailure', 'Revert', 'UndoHotel']);
    h.completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  it('should run the handler once for each completion of the activity', async () => {
    // given a booking done twice in a loop before a compensation throw
    const h = await harnessFor(
      bpmn([
        startEvent('Start'), ...booking('Hotel'), gateway('exclusive', 'Again', 'Again_Undo'), throwEvent('Undo', compensateDef()), endEvent('End'),
        ...chain('Start', 'Hotel', 'Again'), flow('Again_Hotel', 'Again', 'Hotel', '=count(rooms) < 2'), flow('Again_Undo', 'Again', 'Undo'), ...chain('Undo', 'End'),
      ]),
    );

    // when the booking completes twice
    h.start({ rooms: [] }).completeJob('Hotel', { rooms: [1] }).completeJob('Hotel', { rooms: [1, 2] });

    // then its handler runs twice
    expect(h.commands.map((c) => c.elementId)).toEqual(['UndoHotel', 'UndoHotel']);
    h.completeJob('UndoHotel').completeJob('UndoHotel');
    expect(h.status()).toBe('completed');
  });

  describe('multi-instance', () => {
    it('should run the handler of a multi-instance activity once, after all its instances completed', async () => {
      // given a booking per room (parallel) whose handler cancels them all, then a compensation throw
      const rooms = multiInstance(serviceTask('Book', 'book'), { inputCollection: '=rooms', inputElement: 'room' });
      const h = await harnessFor(
        bpmn([
          startEvent('Start'), rooms, ...compensatedBy('Book', 'CancelAll', serviceTask('CancelAll', 'cancel-all')),
          throwEvent('Undo', compensateDef()), endEvent('End'), ...chain('Start', 'Book', 'Undo', 'End'),
        ]),
      );
      h.start({ rooms: [1, 2, 3] }).completeJob('Book').completeJob('Book');

      // when the last room is booked (the body completes)
      h.completeJob('Book');

      // then the handler runs once, for the body
      expect(h.commands.map((c) => c.elementId)).toEqual(['CancelAll']);
      h.completeJob('CancelAll');
      expect(h.status()).toBe('completed');
    });

    it('should compensate inside each completed inner instance of a multi-instance subprocess', async () => {
      // given a subprocess per site (parallel) that books a visit, then a compensation throw after it
      const sites = multiInstance(
        subProcess('Site', [startEvent('SiteStart'), ...booking('Visit'), endEvent('SiteEnd'), ...chain('SiteStart', 'Visit', 'SiteEnd')]),
        { inputCollection: '=sites', inputElement: 'site' },
      );
      const h = await harnessFor(bpmn([startEvent('Start'), sites, throwEvent('Undo', compensateDef()), endEvent('End'), ...chain('Start', 'Site', 'Undo', 'End')]));
      h.start({ sites: ['a', 'b'] }).completeJob('Visit').completeJob('Visit');

      // then the visit of each site is compensated
      expect(h.commands.map((c) => c.elementId)).toEqual(['UndoVisit', 'UndoVisit']);
      h.completeJob('UndoVisit').completeJob('UndoVisit');
      expect(h.status()).toBe('completed');
    });

    it('should not compensate a multi-instance activity whose instances have not all completed', async () => {
      // given the rooms booked in one branch while the other throws compensation once the first room is booked
      const rooms = multiInstance(serviceTask('Book', 'book'), { inputCollection: '=rooms', inputElement: 'room' });
      const h = await harnessFor(
        bpmn([
          startEvent('Start'), gateway('parallel', 'Split'), rooms, ...compensatedBy('Book', 'CancelAll', serviceTask('CancelAll', 'cancel-all')),
          userTask('Decide'), throwEvent('Undo', compensateDef()), endEvent('End1'), endEvent('End2'),
          ...chain('Start', 'Split', 'Book', 'End1'), ...chain('Split', 'Decide', 'Undo', 'End2'),
        ]),
      );
      h.start({ rooms: [1, 2] }).completeJob('Book');

      // when the other branch throws compensation
      h.completeTask('Decide');

      // then nothing is compensated: the body has not completed
      expect(h.commands.filter((c) => c.type === 'runJob')).toEqual([]);
      expect(h.completedElements().slice(-2)).toEqual(['Undo', 'End2']);

      // and once the last room is booked, the case completes without running the handler
      h.completeJob('Book');
      expect(h.status()).toBe('completed');
      expect(h.audit().filter((e) => e.elementId === 'CancelAll')).toEqual([]);
    });
  });
});
