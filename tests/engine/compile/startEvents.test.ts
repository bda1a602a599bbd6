// The process's own start events (Camunda 8): none, timer (static timeDate or timeCycle, ISO 8601 or Spring cron) and
// message start events, several on one process, at most one none start event.
import { compileModel, diagram, problemsOf } from './harness';

const MESSAGE = '<bpmn:message id="Message_1" name="incident-reported" />';

/** A start event `id` carrying `definition`, flowing to the end event `End`. */
const start = (id: string, definition = '') => `<bpmn:startEvent id="${id}">${definition}</bpmn:startEvent><bpmn:sequenceFlow id="Flow_${id}" sourceRef="${id}" targetRef="End" />`;
const timer = (field: 'timeDate' | 'timeCycle' | 'timeDuration', value: string) => `<bpmn:timerEventDefinition><bpmn:${field}>${value}</bpmn:${field}></bpmn:timerEventDefinition>`;
const message = (ref = 'Message_1') => `<bpmn:messageEventDefinition messageRef="${ref}" />`;
const withStarts = (...starts: string[]) => diagram(`${starts.join('')}<bpmn:endEvent id="End" />`, MESSAGE);

describe('process start events', () => {
  it('should list a none, a timer and a message start event apart', async () => {
    // given a process with one start event of each kind
    const xml = withStarts(start('Start'), start('Monthly', timer('timeCycle', 'R/2026-01-01T09:00:00+08:00/P1M')), start('Reported', message()));

    // when
    const model = await compileModel(xml);

    // then the none start event stays the start node, the others are listed by kind
    expect(model.startNodeIds).toEqual(['Start']);
    expect(model.timerStartNodeIds).toEqual(['Monthly']);
    expect(model.messageStartNodeIds).toEqual(['Reported']);
    expect(model.nodes.Monthly).toMatchObject({ eventDefinition: { kind: 'timer', timer: { type: 'cycle', value: { kind: 'static', value: 'R/2026-01-01T09:00:00+08:00/P1M' } } } });
    expect(model.nodes.Reported).toMatchObject({ eventDefinition: { kind: 'message', message: { name: 'incident-reported' } } });
  });

  it('should keep the JSON of a model with only a none start event unchanged', async () => {
    // given
    const model = await compileModel(withStarts(start('Start')));

    // then no empty lists are added
    expect(Object.keys(model)).not.toContain('timerStartNodeIds');
    expect(Object.keys(model)).not.toContain('messageStartNodeIds');
  });

  it.each(['2026-12-01T09:00:00+08:00', 'R/PT1H', 'R5/2026-01-01T09:00:00+08:00/P1M', '0 0 9 1 * ?', '0 30 8 ? * MON-FRI', '@monthly', '0 0/15 * * * *'])(
    'should accept a timer start event with %s and no none start event',
    async (value) => {
      // given
      const field = /^\d{4}-/.test(value) ? 'timeDate' : 'timeCycle';

      // when
      const model = await compileModel(withStarts(start('Timer', timer(field, value))));

      // then
      expect(model.timerStartNodeIds).toEqual(['Timer']);
      expect(model.startNodeIds).toEqual([]);
    },
  );

  it.each([
    ['timeDuration', 'PT1H', 'timer of startEvent <Timer> uses timeDuration; a timer start event allows only timeDate or timeCycle (Camunda 8)'],
    ['timeCycle', '=cycle', 'timer of startEvent <Timer> has timeCycle "=cycle", a FEEL expression; a timer start event needs a static value (no case exists yet when it is read)'],
    ['timeCycle', '0 0 9 L * ?', 'timer of startEvent <Timer> has timeCycle cron "0 0 9 L * ?": day-of-month "L" uses L, W or #, which Sparrow\'s schedules do not run'],
    ['timeCycle', '0 0 9 * *', 'timer of startEvent <Timer> has timeCycle cron "0 0 9 * *" has 5 fields; Camunda 8 reads 6 (second minute hour day-of-month month day-of-week)'],
    ['timeCycle', '0 0 25 * * *', 'timer of startEvent <Timer> has timeCycle cron "0 0 25 * * *": hour "25" is outside 0-23'],
    ['timeCycle', 'R/2026-01-31T09:00:00+08:00/P1M', 'timer of startEvent <Timer> has timeCycle "R/2026-01-31T09:00:00+08:00/P1M" starts on day 31 of a month; a monthly cycle must start on day 1 to 28 (not every month has day 31)'],
    ['timeCycle', 'R/P1M2D', 'timer of startEvent <Timer> has timeCycle "R/P1M2D" mixes months or years with days or hours, which a schedule cannot repeat'],
    ['timeDate', 'tomorrow', 'timer of startEvent <Timer> has timeDate "tomorrow" is not an ISO 8601 date-time'],
  ])('should NOT accept a timer start event with %s %s', async (field, value, message) => {
    // when
    const problems = await problemsOf(withStarts(start('Start'), start('Timer', timer(field as 'timeCycle', value))));

    // then
    expect(problems).toEqual([{ elementId: 'Timer', code: 'timer-invalid', message }]);
  });

  it('should NOT accept two message start events of one message', async () => {
    // when
    const problems = await problemsOf(withStarts(start('First', message()), start('Second', message())));

    // then
    expect(problems).toEqual([{ elementId: 'Second', code: 'message-invalid', message: 'message start events <First> and <Second> both wait for message "incident-reported"; each must have its own message (Camunda 8)' }]);
  });

  it('should NOT accept two none start events beside a timer start event', async () => {
    // when
    const problems = await problemsOf(withStarts(start('One'), start('Two'), start('Timer', timer('timeCycle', 'R/PT1H'))));

    // then
    expect(problems).toEqual([{ elementId: 'Process_1', code: 'start-event-ambiguous', message: 'process <Process_1> has 2 none start events (<One>, <Two>); only one is allowed' }]);
  });

  it('should NOT accept a message start event without a message name', async () => {
    // when
    const problems = await problemsOf(diagram(`${start('Reported', message('Nameless'))}<bpmn:endEvent id="End" />`, '<bpmn:message id="Nameless" />'));

    // then
    expect(problems).toEqual([{ elementId: 'Reported', code: 'message-invalid', message: 'startEvent <Reported> waits for message <Nameless>, which has no name' }]);
  });

  it('should NOT accept a signal start event of the process', async () => {
    // when
    const problems = await problemsOf(diagram(`${start('Start')}${start('Alarm', '<bpmn:signalEventDefinition signalRef="Signal_1" />')}<bpmn:endEvent id="End" />`, '<bpmn:signal id="Signal_1" name="alarm" />'));

    // then
    expect(problems).toEqual([{ elementId: 'Alarm', code: 'unsupported-event-definition', message: 'startEvent <Alarm> with a signal event definition is not supported yet' }]);
  });

  it('should NOT accept a timer start event inside an embedded subprocess', async () => {
    // given a subprocess whose start event has a timer
    const sub = `<bpmn:subProcess id="Sub"><bpmn:startEvent id="Sub_Start">${timer('timeCycle', 'R/PT1H')}</bpmn:startEvent></bpmn:subProcess>`;

    // when
    const problems = await problemsOf(diagram(`${start('Start')}${sub}<bpmn:endEvent id="End" />`));

    // then
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Sub_Start', code: 'unsupported-event-definition' }));
  });
});
