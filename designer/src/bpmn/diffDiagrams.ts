// What changed between two versions of a diagram, element by element (bpmn-js-differ over bpmn-moddle trees).
import { diff } from 'bpmn-js-differ';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrowDescriptor from '../../../contracts/bpmn/sparrowModdle.json';
import { propertyChanges, type PropertyChange } from './diffProperties';

/** How an element changed: added, removed, its properties changed, or only moved/resized. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'layoutChanged';

/** One changed element. */
export interface DiagramChange {
  kind: ChangeKind;
  id: string;
  /** The BPMN type, e.g. `bpmn:UserTask`. */
  type: string;
  name: string | null;
  /** The properties that differ (for `changed`), e.g. `name`, `extensionElements.values[0].candidateGroups`. */
  attributes: string[];
  /** For `changed`: each differing property with its old and new value. */
  values: PropertyChange[];
}

const ORDER: Record<ChangeKind, number> = { added: 0, removed: 1, changed: 2, layoutChanged: 3 };

async function definitionsOf(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, unknown> }> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor, sparrow: sparrowDescriptor });
  return (await moddle.fromXML(xml)) as unknown as { rootElement: unknown; elementsById: Record<string, unknown> };
}

/** The changes from `oldXml` to `newXml`, added first, then removed, changed and moved; by id within each kind. */
export async function diffDiagrams(oldXml: string, newXml: string): Promise<DiagramChange[]> {
  const [older, newer] = [await definitionsOf(oldXml), await definitionsOf(newXml)];
  const result = diff(older.rootElement, newer.rootElement);
  const entry = (kind: ChangeKind, element: { $type: string; id: string; name?: string }, attributes: string[] = [], values: PropertyChange[] = []): DiagramChange => ({
    kind,
    id: element.id,
    type: element.$type,
    name: element.name ?? null,
    attributes,
    values,
  });
  const changed = (model: { $type: string; id: string; name?: string }, attrs: Record<string, unknown>) => {
    const values = propertyChanges(older.elementsById[model.id], newer.elementsById[model.id]);
    return entry('changed', model, values.length > 0 ? values.map((value) => value.path) : Object.keys(attrs).sort(), values);
  };
  const changes = [
    ...Object.values(result._added).map((element) => entry('added', element)),
    ...Object.values(result._removed).map((element) => entry('removed', element)),
    ...Object.values(result._changed).map(({ model, attrs }) => changed(model, attrs)),
    ...Object.values(result._layoutChanged)
      .filter((element) => !(element.id in result._changed))
      .map((element) => entry('layoutChanged', element)),
  ];
  return changes.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.id.localeCompare(b.id));
}
