// Reading and renaming the process of BPMN text: what new processes, templates and autosave rely on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blankDiagram, newProcessId } from '../../../designer/src/bpmn/blankDiagram';
import { readProcessHeader, withProcessId } from '../../../designer/src/bpmn/processHeader';
import { compile } from '../../../engine/compile';

const whistle = readFileSync(path.join(__dirname, '../../../processes/street-whistle.bpmn'), 'utf8');

describe('readProcessHeader', () => {
  it('should read the id and unescaped name of the first process', () => {
    // then
    expect(readProcessHeader(whistle)).toEqual({ processId: 'street-whistle', name: '街道吹哨、部门报到' });
    expect(readProcessHeader('<bpmn:process id="p" name="A &amp; B">')).toEqual({ processId: 'p', name: 'A & B' });
  });

  it('should NOT find a process in text without one', () => {
    // then
    expect(readProcessHeader('<bpmn:definitions />')).toBeUndefined();
  });
});

describe('withProcessId', () => {
  it('should rename the process and its diagram plane, and nothing else', async () => {
    // when
    const renamed = withProcessId(whistle, 'street-whistle', 'street-whistle-2');

    // then
    expect(readProcessHeader(renamed)?.processId).toBe('street-whistle-2');
    expect(renamed).toContain('bpmnElement="street-whistle-2"');
    expect(renamed.replace(/street-whistle-2/g, 'street-whistle')).toBe(whistle);
    const { problems, processes } = await compile(renamed);
    expect(problems).toEqual([]);
    expect(processes[0].model.processId).toBe('street-whistle-2');
  });
});

describe('blankDiagram', () => {
  it('should be an executable process with one start event that the compiler reads', async () => {
    // given
    const id = newProcessId(() => 0.5);

    // when
    const result = await compile(blankDiagram(id, '新流程 <测试>'));

    // then
    expect(id).toMatch(/^Process_[0-9a-z]{7}$/);
    expect(result.problems).toEqual([]);
    expect(result.processes[0].model).toMatchObject({ processId: id, name: '新流程 <测试>', startNodeIds: ['StartEvent_1'] });
  });
});
