// Reads what the process library shows about a BPMN template: its process id, name and description.
import { readProcessHeader } from './processHeader';
import { formsOfTemplate, type TemplateForm } from './templateForms';

/** A process template: a `processes/*.bpmn` file of the repository. */
export interface ProcessTemplate {
  /** File name without `.bpmn`. */
  id: string;
  /** The executable process's id (the definition key it deploys as). */
  processId: string;
  name: string;
  description: string;
  xml: string;
  /** The shipped forms (processes/forms/) its tasks and start event name. */
  forms: TemplateForm[];
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Describes the template in `xml` named by its file `path`, with the forms of `formFiles` (`{ path: JSON text }`) it
 * names; throws when the file has no `<bpmn:process>` with an id.
 */
export function describeTemplate(path: string, xml: string, formFiles: Record<string, string> = {}): ProcessTemplate {
  const id = path.replace(/^.*\//, '').replace(/\.bpmn$/, '');
  const header = readProcessHeader(xml);
  if (!header) throw new Error(`template ${path} has no <bpmn:process> with an id`);
  const processTag = /<(?:\w+:)?process\b[^>]*>/.exec(xml) as RegExpExecArray;
  const after = xml.slice(processTag.index + processTag[0].length);
  const documentation = /^\s*<(?:\w+:)?documentation>([\s\S]*?)<\/(?:\w+:)?documentation>/.exec(after);
  return {
    id,
    processId: header.processId,
    name: header.name ?? header.processId,
    description: documentation ? unescapeXml(documentation[1].trim()) : '',
    xml,
    forms: formsOfTemplate(xml, formFiles),
  };
}

/** Describes every template of a `{ path: xml }` map with its forms from `formFiles`, sorted by file name. */
export function describeTemplates(files: Record<string, string>, formFiles: Record<string, string> = {}): ProcessTemplate[] {
  return Object.entries(files)
    .map(([path, xml]) => describeTemplate(path, xml, formFiles))
    .sort((a, b) => a.id.localeCompare(b.id));
}
