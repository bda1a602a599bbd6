// What the compiler carries for people (issue 17): each element's and the process's BPMN documentation, and who may
// start the process (`sparrow:starters`). The interpreter reads neither.
import { compile } from '../../../engine/compile';
import { compileModel } from './harness';

const NAMESPACES = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sparrow="urn:sparrow:bpmn:1.0"';

/** A process `P` with `extensions` and `documentation` of its own: start -> user task `Inspect` (with `taskDocs`) -> end. */
const xml = ({ extensions = '', documentation = '', taskDocs = '' }: { extensions?: string; documentation?: string; taskDocs?: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="P" isExecutable="true">${documentation}${extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Inspect" name="现场检查">${taskDocs}</bpmn:userTask>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Inspect" />
    <bpmn:sequenceFlow id="F2" sourceRef="Inspect" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('guidance for people in the model', () => {
  it('should carry the documentation of the process and of each element, trimmed, several texts apart by a blank line', async () => {
    // given documentation on the process and two texts on the task
    const model = await compileModel(
      xml({
        documentation: '<bpmn:documentation>\n  占道经营查处。\n</bpmn:documentation>',
        taskDocs: '<bpmn:documentation>至少两名执法人员，出示执法证件。</bpmn:documentation><bpmn:documentation>制作现场检查笔录。</bpmn:documentation>',
      }),
    );

    // then both are in the model, and an element without documentation has none
    expect(model.documentation).toBe('占道经营查处。');
    expect(model.nodes.Inspect.documentation).toBe('至少两名执法人员，出示执法证件。\n\n制作现场检查笔录。');
    expect('documentation' in model.nodes.Start).toBe(false);
  });

  it('should NOT add documentation or starters to a model whose diagram has none', async () => {
    const model = await compileModel(xml({}));
    expect('documentation' in model).toBe(false);
    expect('starters' in model).toBe(false);
  });

  it('should read the starters the process names, separated by commas, Chinese commas, 、 or spaces, without repeats', async () => {
    const model = await compileModel(xml({ extensions: '<sparrow:starters names="enforcement-staff，street-commander、 enforcement, enforcement-staff" />' }));
    expect(model.starters).toEqual(['enforcement-staff', 'street-commander', 'enforcement']);
  });

  it('should ignore starters that name no one, with a warning (everyone may start it)', async () => {
    // when
    const result = await compile(xml({ extensions: '<sparrow:starters names=" , " />' }));

    // then
    expect(result.problems).toEqual([]);
    expect(result.processes[0].model.starters).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ignored-attribute', elementId: 'P' })]);
  });
});
