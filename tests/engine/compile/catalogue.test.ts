// What the compiler reads for the service desk and the start of a case (issue 17): the initiator variable
// (`sparrow:initiator`) and the desk's icon (`sparrow:icon`). The interpreter reads neither.
import { compile } from '../../../engine/compile';
import { compileModel } from './harness';

/** A process `P` with `extensions`: start -> user task -> end. */
const xml = (extensions = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sparrow="urn:sparrow:bpmn:1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="P" isExecutable="true">${extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Rate" name="评价服务" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Rate" />
    <bpmn:sequenceFlow id="F2" sourceRef="Rate" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the service desk in the model', () => {
  it('should read the initiator variable and the icon the process names', async () => {
    const model = await compileModel(xml('<sparrow:initiator variable="orderedBy" /><sparrow:icon name="volunteer" />'));
    expect(model).toMatchObject({ initiatorVariable: 'orderedBy', icon: 'volunteer' });
  });

  it('should NOT add an initiator or an icon to a model whose diagram names none', async () => {
    const model = await compileModel(xml());
    expect('initiatorVariable' in model).toBe(false);
    expect('icon' in model).toBe(false);
  });

  it('should refuse an initiator that is not a variable name, naming the process', async () => {
    const result = await compile(xml('<sparrow:initiator variable="ordered by" />'));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'mapping-invalid', elementId: 'P', message: expect.stringContaining('"ordered by"') })]);
  });

  it('should ignore an unknown icon with a warning (the desk shows its default icon)', async () => {
    const result = await compile(xml('<sparrow:icon name="rocket" />'));
    expect(result.problems).toEqual([]);
    expect(result.processes[0].model.icon).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ignored-attribute', elementId: 'P', message: expect.stringContaining('"rocket"') })]);
  });
});
