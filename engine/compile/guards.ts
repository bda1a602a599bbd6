// Checks on the raw text, run BEFORE the XML parser sees it: size, element count, DTD declarations (XXE, billion laughs).
import type { Diagnostics } from './problems';

/** Default upper bound of a diagram's size in UTF-8 bytes. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Default upper bound of a diagram's XML elements (start tags). A 1,000-element diagram with its drawing has about
 * 10,000; parsing and compiling 50,000 takes seconds, and beyond that time grows faster than the count.
 */
export const DEFAULT_MAX_ELEMENTS = 50_000;

const DTD_DECLARATION = /^<!(DOCTYPE|ENTITY)\b/i;

/** Markup sections whose text is not markup: a declaration inside them is only text. */
const OPAQUE_SECTIONS = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
] as const;

/** Records a problem and returns false when the text must not be parsed at all. */
export function guardInput(xml: unknown, maxBytes: number, maxElements: number, diagnostics: Diagnostics): xml is string {
  if (typeof xml !== 'string') {
    diagnostics.problem('not-xml', `the diagram is not XML text (got ${xml === null ? 'null' : typeof xml})`);
    return false;
  }
  const bytes = utf8Length(xml);
  if (bytes > maxBytes) {
    diagnostics.problem('too-large', `the diagram is ${bytes} bytes, over the limit of ${maxBytes} bytes`);
    return false;
  }
  const elements = countStartTags(xml, maxElements);
  if (elements > maxElements) {
    diagnostics.problem('too-many-elements', `the diagram has more than ${maxElements} XML elements; split it (for example into called processes)`);
    return false;
  }
  const declaration = findDtdDeclaration(xml);
  if (declaration) {
    diagnostics.problem('doctype-forbidden', `the diagram contains a <!${declaration}> declaration; DTDs and entities are refused (XXE, entity expansion)`);
    return false;
  }
  return true;
}

/**
 * The first DOCTYPE or ENTITY declaration outside comments and CDATA sections, in one linear pass (an unclosed
 * comment or CDATA section hides nothing: the rest is scanned as markup, so the check errs on refusing).
 */
function findDtdDeclaration(xml: string): string | undefined {
  const unclosed = new Set<string>();
  for (let index = xml.indexOf('<!'); index !== -1; index = xml.indexOf('<!', index)) {
    const section = OPAQUE_SECTIONS.find(([open]) => xml.startsWith(open, index));
    if (section) {
      const [open, close] = section;
      const end = unclosed.has(open) ? -1 : xml.indexOf(close, index + open.length);
      if (end === -1) unclosed.add(open);
      index = end === -1 ? index + open.length : end + close.length;
      continue;
    }
    const declaration = DTD_DECLARATION.exec(xml.slice(index, index + 10));
    if (declaration) return declaration[1].toUpperCase();
    index += 2;
  }
  return undefined;
}

/** The number of start tags (`<` followed by a name), counting no further than one past `limit`. */
function countStartTags(xml: string, limit: number): number {
  let count = 0;
  for (let index = xml.indexOf('<'); index !== -1 && count <= limit; index = xml.indexOf('<', index + 1)) {
    const next = xml.charCodeAt(index + 1);
    if (next !== 0x2f && next !== 0x21 && next !== 0x3f) count++; // not </, <! or <?
  }
  return count;
}

/** Number of bytes of the text in UTF-8, counted without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
