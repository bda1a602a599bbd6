import { compile, modelSha256 } from '../../../engine/compile';
import { fixture } from './harness';

describe('compile', () => {
  it('should give the same model and sha256 for the same XML', async () => {
    // given
    const xml = fixture('tasks.bpmn');

    // when
    const [first, second] = await Promise.all([compile(xml), compile(xml)]);

    // then
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.processes[0].sha256).toBe(modelSha256(first.processes[0].model));
    expect(first.processes[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should NOT change the sha256 when only layout, comments or attribute order change', async () => {
    // given
    const xml = fixture('gateways.bpmn');
    const reformatted = xml
      .replace('<bpmn:process id="Gateways" isExecutable="true">', '<!-- reviewed --><bpmn:process isExecutable="true"   id="Gateways">')
      .replace(/\n\s+/g, '\n');

    // when
    const [original, changed] = await Promise.all([compile(xml), compile(reformatted)]);

    // then
    expect(changed.processes[0].sha256).toBe(original.processes[0].sha256);
  });

  it('should change the sha256 when the behaviour changes', async () => {
    // given
    const xml = fixture('gateways.bpmn');
    const changed = xml.replace('=severity &gt;= 3', '=severity &gt;= 4');

    // when
    const [before, after] = await Promise.all([compile(xml), compile(changed)]);

    // then
    expect(after.processes[0].sha256).not.toBe(before.processes[0].sha256);
  });

  it('should return no process, and the warnings too, when the diagram is refused', async () => {
    // given
    const xml = fixture('unreachable.bpmn').replace('<bpmn:task id="Orphan" />', '<bpmn:complexGateway id="Orphan" />');

    // when
    const result = await compile(xml);

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual([{ elementId: 'Orphan', code: 'unsupported-element', message: 'complexGateway <Orphan> is not supported yet' }]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ elementId: 'Dead_End', code: 'implicit-end' }));
  });

  it('should NOT throw for any truncation of a valid diagram', async () => {
    // given
    const xml = fixture('events.bpmn');
    const cuts = Array.from({ length: 60 }, (_, index) => Math.floor((xml.length * index) / 60));

    // when
    const results = await Promise.all(cuts.map((cut) => compile(xml.slice(0, cut))));

    // then
    for (const result of results) {
      expect(result.processes.length > 0 || result.problems.length > 0).toBe(true);
      expect(result.problems.filter((problem) => problem.code === 'internal-error')).toEqual([]);
    }
  });
});
