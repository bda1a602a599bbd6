import { compile } from '../../../engine/compile';
import { DEFAULT_MAX_BYTES, guardInput } from '../../../engine/compile/guards';
import { Diagnostics } from '../../../engine/compile/problems';
import { diagram, fixture } from './harness';

describe('guards', () => {
  it('should refuse a diagram over the size limit before parsing it', async () => {
    // given
    const xml = diagram('<bpmn:startEvent id="Start" />');

    // when
    const result = await compile(xml, { maxBytes: 100 });

    // then
    expect(result.problems).toEqual([{ code: 'too-large', message: `the diagram is ${xml.length} bytes, over the limit of 100 bytes` }]);
  });

  it('should count the size in UTF-8 bytes', () => {
    // given
    const diagnostics = new Diagnostics();
    const xml = '<a>街道🏙</a>';

    // when
    const accepted = guardInput(xml, 16, diagnostics);

    // then
    expect(accepted).toBe(false);
    expect(diagnostics.problems[0].message).toBe('the diagram is 17 bytes, over the limit of 16 bytes');
  });

  it('should default the size limit to 5 MB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('should refuse a DOCTYPE with entities (billion laughs) before parsing it', async () => {
    // given
    const xml = fixture('billion-laughs.bpmn');

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([
      { code: 'doctype-forbidden', message: 'the diagram contains a <!DOCTYPE> declaration; DTDs and entities are refused (XXE, entity expansion)' },
    ]);
  });

  it('should refuse an external entity (XXE) declaration', async () => {
    // given
    const xml = '<!ENTITY xxe SYSTEM "file:///etc/passwd"><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</bpmn:definitions>';

    // when
    const result = await compile(xml);

    // then
    expect(result.problems.map((problem) => problem.code)).toEqual(['doctype-forbidden']);
  });

  it('should NOT refuse the word DOCTYPE inside a comment or CDATA', () => {
    // given
    const diagnostics = new Diagnostics();
    const xml = diagram('<!-- <!DOCTYPE x> --><bpmn:startEvent id="Start"><bpmn:documentation><![CDATA[<!ENTITY y "z">]]></bpmn:documentation></bpmn:startEvent>');

    // when
    const accepted = guardInput(xml, DEFAULT_MAX_BYTES, diagnostics);

    // then
    expect(accepted).toBe(true);
    expect(diagnostics.problems).toEqual([]);
  });

  it('should refuse a DOCTYPE after an unclosed comment', () => {
    // given
    const diagnostics = new Diagnostics();

    // when
    const accepted = guardInput('<!-- never closed <!DOCTYPE x [<!ENTITY y "z">]><a/>', DEFAULT_MAX_BYTES, diagnostics);

    // then
    expect(accepted).toBe(false);
    expect(diagnostics.problems.map((problem) => problem.code)).toEqual(['doctype-forbidden']);
  });

  it('should scan a pathological input of many unclosed comments in linear time', () => {
    // given
    const xml = '<!--<![CDATA['.repeat(300_000);
    const started = Date.now();

    // when
    const accepted = guardInput(xml, DEFAULT_MAX_BYTES, new Diagnostics());

    // then
    expect(accepted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('should refuse input that is not text, without throwing', async () => {
    // when
    const result = await compile(42 as unknown as string);

    // then
    expect(result).toEqual({ processes: [], problems: [{ code: 'not-xml', message: 'the diagram is not XML text (got number)' }], warnings: [] });
  });
});
