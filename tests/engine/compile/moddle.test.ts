import { child, children, describe as describeElement, extension, localType, text } from '../../../engine/compile/moddle';

const TASK = {
  $type: 'bpmn:ServiceTask',
  id: 'Task_1',
  name: 'Notify',
  retries: 3,
  default: { $type: 'bpmn:SequenceFlow', id: 'Flow_1' },
  incoming: [{ $type: 'bpmn:SequenceFlow', id: 'Flow_0' }, 'unresolved'],
  extensionElements: {
    $type: 'bpmn:ExtensionElements',
    values: [{ $type: 'zeebe:TaskDefinition', type: 'notify' }, { $type: 'zeebe:TaskDefinition', type: 'second' }],
  },
};

describe('moddle', () => {
  it('should read string, element and list properties, ignoring values of another shape', () => {
    expect(text(TASK, 'name')).toBe('Notify');
    expect(text(TASK, 'retries')).toBeUndefined();
    expect(child(TASK, 'default')?.id).toBe('Flow_1');
    expect(child(TASK, 'name')).toBeUndefined();
    expect(children(TASK, 'incoming').map((flow) => flow.id)).toEqual(['Flow_0']);
    expect(children(TASK, 'outgoing')).toEqual([]);
  });

  it('should find the first extension element of a type', () => {
    expect(extension(TASK, 'zeebe:TaskDefinition')?.type).toBe('notify');
    expect(extension(TASK, 'zeebe:IoMapping')).toBeUndefined();
    expect(extension({ $type: 'bpmn:Task' }, 'zeebe:TaskDefinition')).toBeUndefined();
  });

  it('should name an element by its BPMN type as diagrams spell it, and its id', () => {
    expect(localType(TASK)).toBe('serviceTask');
    expect(describeElement(TASK)).toBe('serviceTask <Task_1>');
    expect(describeElement({ $type: 'bpmn:Task' })).toBe('task <(no id)>');
  });
});
