import { isReservedKey } from '../../../engine/compile/ids';
import { diagram, problemsOf } from './harness';

describe('ids', () => {
  it('should reserve only __proto__', () => {
    expect(isReservedKey('__proto__')).toBe(true);
    expect(isReservedKey('constructor')).toBe(false);
    expect(isReservedKey('Task_1')).toBe(false);
  });

  it('should NOT accept a sequence flow with a reserved id', async () => {
    // given
    const xml = diagram('<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="__proto__" sourceRef="Start" targetRef="End" />');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toContainEqual({ elementId: '__proto__', code: 'id-invalid', message: 'sequenceFlow id <__proto__> is reserved; choose another id' });
  });

  it('should NOT accept an executable process without id', async () => {
    // given
    const xml = diagram('<bpmn:startEvent id="Start" />').replace('<bpmn:process id="Process_1"', '<bpmn:process');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'id-invalid', message: 'a process has no id' }]);
  });

  it('should NOT accept a flow node without id', async () => {
    // given
    const xml = diagram('<bpmn:startEvent id="Start" /><bpmn:task name="anonymous" />');

    // when
    const problems = await problemsOf(xml);

    // then
    expect(problems).toEqual([{ code: 'id-invalid', message: 'a task has no id' }]);
  });
});
