import { compile } from '../../../engine/compile';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, guardInput } from '../../../engine/compile/guards';
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
    const accepted = guardInput(xml, 16, DEFAULT_MAX_ELEMENTS, diagnostics);

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
    const accepted = guardInput(xml, DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, diagnostics);

    // then
    expect(accepted).toBe(true);
    expect(diagnostics.problems).toEqual([]);
  });

  it('should refuse a DOCTYPE after an unclosed comment', () => {
    // given
    const diagnostics = new Diagnostics();

    // when
    const accepted = guardInput('<!-- never closed <!DOCTYPE x [<!ENTITY y "z">]><a/>', DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, diagnostics);

    // then
    expect(accepted).toBe(false);
    expect(diagnostics.problems.map((problem) => problem.code)).toEqual(['doctype-forbidden']);
  });

  it('should scan a pathological input of many unclosed comments in linear time', () => {
    // given
    const xml = '<!--<![CDATA['.repeat(300_000);
    const started = Date.now();

    // when
    const accepted = guardInput(xml, DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, new Diagnostics());

    // then
    expect(accepted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('should refuse a diagram with more XML elements than the limit before parsing it, naming the limit', async () => {
    // given 100,000 tasks in 2.4 MB (under the size limit; parsing and compiling them took 14 s of the server's thread)
    const tasks = Array.from({ length: 100_000 }, (_, i) => `<bpmn:task id="T${i}"/>`).join('');
    const xml = diagram(`<bpmn:startEvent id="S"/>${tasks}`);

    // when
    const result = await compile(xml);

    // then
    expect(result.problems).toEqual([{ code: 'too-many-elements', message: expect.stringContaining(`more than ${DEFAULT_MAX_ELEMENTS} XML elements`) }]);
  });

  it('should count start tags only, not end tags, comments or declarations', () => {
    // given exactly as many elements as the limit, with end tags, a comment and an XML declaration around them
    const xml = `<?xml version="1.0"?><!-- c --><a>${'<b></b>'.repeat(9)}</a>`;

    // then 10 elements pass a limit of 10 and fail a limit of 9
    expect(guardInput(xml, DEFAULT_MAX_BYTES, 10, new Diagnostics())).toBe(true);
    expect(guardInput(xml, DEFAULT_MAX_BYTES, 9, new Diagnostics())).toBe(false);
  });

  it('should refuse input that is not text, without throwing', async () => {
    // when
    const result = await compile(42 as unknown as string);

    // then
    expect(result).toEqual({ processes: [], problems: [{ code: 'not-xml', message: 'the diagram is not XML text (got number)' }], warnings: [] });
  });
});
