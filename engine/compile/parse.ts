// XML -> bpmn-moddle element tree, with the zeebe and sparrow extension descriptors; parser errors become problems.
import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrowDescriptor from '../../contracts/bpmn/sparrowModdle.json';
import { isElement, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

const moddle = new BpmnModdle({ zeebe: zeebeDescriptor, sparrow: sparrowDescriptor });

const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const UNPARSABLE = /^unparsable content (.*?) ?detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)$/;
const DUPLICATE_ID = /^duplicate ID <(.*)>$/;
const UNRESOLVED = /^unresolved reference <(.*)>$/;

/** Parses BPMN XML into its `bpmn:Definitions` element; records problems (and moddle's warnings) and returns undefined when it cannot. */
export async function parseDefinitions(xml: string, diagnostics: Diagnostics): Promise<BpmnElement | undefined> {
  let root: unknown;
  let warnings: ModdleWarning[];
  try {
    ({ rootElement: root, warnings } = await moddle.fromXML(xml));
  } catch (error) {
    reportParseError(error, diagnostics);
    return undefined;
  }
  for (const warning of warnings) {
    keepUnresolved(warning);
    reportWarning(warning, diagnostics);
  }
  if (!isElement(root) || root.$type !== 'bpmn:Definitions') {
    diagnostics.problem('not-bpmn', `the document is not BPMN 2.0: its root element is not a <definitions> element of namespace ${BPMN_NAMESPACE}`);
    return undefined;
  }
  return root;
}

function reportParseError(error: unknown, diagnostics: Diagnostics): void {
  const err = error as { message?: unknown; warnings?: ModdleWarning[] };
  const message = typeof err.message === 'string' ? err.message : String(error);
  if (message.startsWith('failed to parse document as')) {
    const root = err.warnings?.map((warning) => /unexpected element <(.*?)>/.exec(warning.message)?.[1]).find(Boolean);
    const found = root ? `<${root}>` : 'its root element';
    diagnostics.problem('not-bpmn', `the document is not BPMN 2.0: ${found} is not a <definitions> element of namespace ${BPMN_NAMESPACE}`);
    return;
  }
  const parsed = UNPARSABLE.exec(message);
  if (!parsed) {
    diagnostics.problem('not-xml', `the diagram is not well-formed XML: ${message}`);
    return;
  }
  const [, content, line, column, reason] = parsed;
  const near = content ? ` near ${abbreviate(content)}` : '';
  diagnostics.problem('not-xml', `the diagram is not well-formed XML: ${reason.trim()} at line ${Number(line) + 1}, column ${Number(column) + 1}${near}`);
}

/** Keeps the id an unresolved reference names on its element (`$unresolved`, by property), so a check can name what is missing. */
function keepUnresolved(warning: ModdleWarning): void {
  const id = UNRESOLVED.exec(warning.message)?.[1];
  if (id === undefined || !isElement(warning.element) || !warning.property) return;
  const element = warning.element;
  const kept = isUnresolvedMap(element.$unresolved) ? element.$unresolved : (element.$unresolved = {});
  kept[warning.property] = id;
}

const isUnresolvedMap = (value: unknown): value is Record<string, string> => typeof value === 'object' && value !== null;

function reportWarning(warning: ModdleWarning, diagnostics: Diagnostics): void {
  const parsed = UNPARSABLE.exec(warning.message);
  if (parsed) {
    const [, content, line, column, reason] = parsed;
    const where = `at line ${Number(line) + 1}, column ${Number(column) + 1}`;
    const duplicate = DUPLICATE_ID.exec(reason.trim());
    if (duplicate) {
      diagnostics.problem('duplicate-id', `id <${duplicate[1]}> is used by more than one element (again ${where})`, duplicate[1]);
      return;
    }
    diagnostics.warning('moddle-warning', `${reason.trim()} ${where}: ${abbreviate(content)} was skipped`);
    return;
  }
  const id = typeof warning.element?.id === 'string' ? warning.element.id : undefined;
  const on = id ? ` on <${id}>` : '';
  const property = warning.property && !warning.message.includes(`<${warning.property}>`) ? ` (${warning.property})` : '';
  diagnostics.warning('moddle-warning', `${warning.message}${on}${property}`, id);
}
