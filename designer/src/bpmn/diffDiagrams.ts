// What changed between two versions of a diagram, element by element (bpmn-js-differ over bpmn-moddle trees).
import { diff } from 'bpmn-js-differ';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrowDescriptor from '../../../contracts/bpmn/sparrowModdle.json';

/** How an element changed: added, removed, its properties changed, or only moved/resized. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'layoutChanged';

/** One changed element. */
export interface DiagramChange {
  kind: ChangeKind;
  id: string;
  /** The BPMN type, e.g. `bpmn:UserTask`. */
  type: string;
  name: string | null;
  /** The properties that differ (for `changed`), e.g. `name`, `extensionElements`. */
  attributes: string[];
}

const ORDER: Record<ChangeKind, number> = { added: 0, removed: 1, changed: 2, layoutChanged: 3 };

async function definitionsOf(xml: string): Promise<unknown> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor, sparrow: sparrowDescriptor });
  return (await moddle.fromXML(xml)).rootElement;
}

/** The changes from `oldXml` to `newXml`, added first, then removed, changed and moved; by id within each kind. */
export async function diffDiagrams(oldXml: string, newXml: string): Promise<DiagramChange[]> {
  const result = diff(await definitionsOf(oldXml), await definitionsOf(newXml));
  const entry = (kind: ChangeKind, element: { $type: string; id: string; name?: string }, attributes: string[] = []): DiagramChange => ({
    kind,
    id: element.id,
    type: element.$type,
    name: element.name ?? null,
    attributes,
  });
  const changes = [
    ...Object.values(result._added).map((element) => entry('added', element)),
    ...Object.values(result._removed).map((element) => entry('removed', element)),
    ...Object.values(result._changed).map(({ model, attrs }) => entry('changed', model, Object.keys(attrs).sort())),
    ...Object.values(result._layoutChanged)
      .filter((element) => !(element.id in result._changed))
      .map((element) => entry('layoutChanged', element)),
  ];
  return changes.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.id.localeCompare(b.id));
}
