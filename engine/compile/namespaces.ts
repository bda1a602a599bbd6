// The namespace check: elements of vocabularies other than BPMN's (with DI and the designer's) are refused outside
// extensionElements, and active web content (XHTML, SVG, MathML, XSLT) and stylesheet instructions anywhere, so a
// stored diagram cannot carry a script to whoever opens it.
import { Parser, type SaxContext, type SaxElement } from 'saxen';
import type { Diagnostics } from './problems';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * Namespaces whose elements may appear anywhere: BPMN, its DI, zeebe, and what bpmn-js writes (colours, modeler), with
 * the prefixes bpmn-moddle gives them (it also resolves these prefixes when a diagram forgets to declare them).
 */
export const MODEL_NAMESPACES: Readonly<Record<string, string>> = {
  [BPMN]: 'bpmn',
  'http://www.omg.org/spec/BPMN/20100524/DI': 'bpmndi',
  'http://www.omg.org/spec/DD/20100524/DC': 'dc',
  'http://www.omg.org/spec/DD/20100524/DI': 'di',
  'http://camunda.org/schema/zeebe/1.0': 'zeebe',
  'http://camunda.org/schema/modeler/1.0': 'modeler',
  'http://bpmn.io/schema/bpmn/biocolor/1.0': 'bioc',
  'http://www.omg.org/spec/BPMN/non-normative/color/1.0': 'color',
};

/** Namespaces of content a browser runs or renders (scripts, event handlers, transforms): refused even in extensionElements. */
export const ACTIVE_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/1999/xhtml', 'XHTML'],
  ['http://www.w3.org/2000/svg', 'SVG'],
  ['http://www.w3.org/1998/Math/MathML', 'MathML'],
  ['http://www.w3.org/1999/XSL/Transform', 'XSLT'],
  ['http://www.w3.org/2001/XInclude', 'XInclude'],
]);

/** At most this many foreign elements are reported; the diagram is refused anyway. */
const MAX_REPORTED = 20;

/** An open element: how messages name it, and whether it opens extensionElements. */
interface Open {
  holder?: string;
  holderId?: string;
  extensions: boolean;
  /** Inside a subtree already reported: nothing under it is reported again. */
  reported: boolean;
}

/** Scans the XML (already parsed once by bpmn-moddle) and records a `foreign-element` problem per refused element. */
export function checkNamespaces(xml: string, diagnostics: Diagnostics): void {
  const stack: Open[] = [];
  let reported = 0;
  const parser = new Parser({ proxy: true });
  const refuse = (what: string, why: string, context: SaxContext, parent: Open | undefined) => {
    const where = parent?.holder ? ` in ${parent.holder}` : '';
    diagnostics.problem('foreign-element', `${what}${where} at line ${context.line + 1}, column ${context.column + 1} is not allowed: ${why}`, parent?.holderId);
    reported += 1;
    if (reported >= MAX_REPORTED) parser.stop();
  };
  parser.ns({ ...MODEL_NAMESPACES, 'http://www.w3.org/2001/XMLSchema-instance': 'xsi', 'http://www.w3.org/XML/1998/namespace': 'xml' });
  parser.on('openTag', (element, _decode, _selfClosing, getContext) => {
    const parent = stack.at(-1);
    const uri = namespaceOf(element);
    const open: Open = { holder: parent?.holder, holderId: parent?.holderId, extensions: parent?.extensions ?? false, reported: parent?.reported ?? false };
    const name = `<${element.originalName}> (namespace ${uri ?? 'none'})`;
    const active = uri === undefined ? undefined : ACTIVE_NAMESPACES.get(uri);
    if (!open.reported && active) {
      refuse(name, `${active} is active web content and is refused anywhere in a diagram`, getContext(), parent);
      open.reported = true;
    } else if (!open.reported && !open.extensions && (uri === undefined || !Object.hasOwn(MODEL_NAMESPACES, uri))) {
      refuse(name, 'elements of other namespaces than BPMN, its DI and zeebe belong inside <bpmn:extensionElements>', getContext(), parent);
      open.reported = true;
    } else if (uri === BPMN) {
      const local = localName(element.originalName);
      const id = element.attrs.id;
      if (id) Object.assign(open, { holder: `${local} <${id}>`, holderId: id });
      if (local === 'extensionElements') open.extensions = true;
    }
    stack.push(open);
  });
  parser.on('closeTag', () => {
    stack.pop();
  });
  parser.on('question', (text, getContext) => {
    if (/^<\?xml-stylesheet\b/i.test(text)) refuse('the processing instruction <?xml-stylesheet?>', 'a stylesheet would be applied when a browser opens the diagram', getContext(), stack.at(-1));
  });
  parser.on('error', (error, getContext) => {
    const { line, column } = getContext();
    diagnostics.problem('not-xml', `the diagram is not well-formed XML: ${error.message} at line ${line + 1}, column ${column + 1}`);
  });
  parser.parse(xml);
}

/** The namespace URI of an element, from the scope it was opened in (undefined: no namespace). */
function namespaceOf(element: SaxElement): string | undefined {
  const colon = element.originalName.indexOf(':');
  const prefix = colon === -1 ? 'xmlns' : element.originalName.slice(0, colon);
  return element.ns[`${prefix}$uri`] || undefined;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
