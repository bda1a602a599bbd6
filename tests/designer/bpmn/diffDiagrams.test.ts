// Version diff: elements added, removed, changed and moved between two diagrams, from bpmn-js-differ.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffDiagrams } from '../../../designer/src/bpmn/diffDiagrams';

const template = readFileSync(path.join(__dirname, '../../../processes/street-whistle.bpmn'), 'utf8');

describe('diffDiagrams', () => {
  it('should find nothing between a diagram and itself', async () => {
    // then
    expect(await diffDiagrams(template, template)).toEqual([]);
  });

  // given: a renamed task, changed candidate groups, a moved shape and one more end event
  const changed = template
    .replace('name="联合处置（事不完、人不撤）"', 'name="联合处置"')
    .replace('candidateGroups="liaison"', 'candidateGroups="liaison,shichang"')
    .replace('<dc:Bounds x="270" y="120" width="100" height="80" />', '<dc:Bounds x="270" y="140" width="100" height="80" />')
    .replace('  </bpmn:process>', '    <bpmn:endEvent id="End_Extra" name="额外结束" />\n  </bpmn:process>')
    .replace('    </bpmndi:BPMNPlane>', '      <bpmndi:BPMNShape id="End_Extra_di" bpmnElement="End_Extra"><dc:Bounds x="900" y="500" width="36" height="36" /></bpmndi:BPMNShape>\n    </bpmndi:BPMNPlane>');

  it('should list added, changed and moved elements, in that order', async () => {
    // when
    const changes = await diffDiagrams(template, changed);

    // then
    expect(changes.map(({ kind, id }) => [kind, id])).toEqual([
      ['added', 'End_Extra'],
      ['changed', 'Task_Handle'],
      ['changed', 'Task_ReportShichang'],
      ['layoutChanged', 'Task_Register'],
    ]);
    expect(changes[1]).toEqual({
      kind: 'changed',
      id: 'Task_Handle',
      type: 'bpmn:UserTask',
      name: '联合处置',
      attributes: ['name'],
      values: [{ path: 'name', oldValue: '联合处置（事不完、人不撤）', newValue: '联合处置' }],
    });
  });

  it('should give each changed property inside extension elements its old and new value', async () => {
    // when
    const changes = await diffDiagrams(template, changed);

    // then the candidate groups changed inside zeebe:assignmentDefinition, old → new
    expect(changes[2].values).toEqual([{ path: 'extensionElements.values[0].candidateGroups', oldValue: 'liaison', newValue: 'liaison,shichang' }]);
    expect(changes[2].attributes).toEqual(['extensionElements.values[0].candidateGroups']);
  });

  it('should list an element the newer version lacks as removed', async () => {
    // when
    const changes = await diffDiagrams(changed, template);

    // then
    expect(changes[0]).toEqual({ kind: 'removed', id: 'End_Extra', type: 'bpmn:EndEvent', name: '额外结束', attributes: [], values: [] });
  });
});
