// Reads and renames the executable process of BPMN XML text without parsing the whole document.

/** The id and name of the first `<bpmn:process>` of a document. */
export interface ProcessHeader {
  processId: string;
  name: string | null;
}

const PROCESS_TAG = /<(?:\w+:)?process\b[^>]*>/;

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value of attribute `name` in an element's start tag, unescaped. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
}

/** The first process's id and name, or undefined when the text has no process with an id. */
export function readProcessHeader(xml: string): ProcessHeader | undefined {
  const tag = PROCESS_TAG.exec(xml)?.[0];
  const processId = tag && attributeOf(tag, 'id');
  return tag && processId ? { processId, name: attributeOf(tag, 'name') ?? null } : undefined;
}

/** `xml` with process `from` renamed to `to` (its id and the diagram plane that draws it). */
export function withProcessId(xml: string, from: string, to: string): string {
  const id = escapeRegex(from);
  return xml
    .replace(new RegExp(`(<(?:\\w+:)?process\\b[^>]*\\sid=")${id}(")`), `$1${to}$2`)
    .replace(new RegExp(`(<(?:\\w+:)?BPMNPlane\\b[^>]*\\sbpmnElement=")${id}(")`), `$1${to}$2`);
}
