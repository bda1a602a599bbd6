// Shows the server's refusal (422 problems) on the diagram: a red outline and a badge on each named element.
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type { ModelProblem } from '../../../contracts/api/common';

const MARKER = 'sparrow-server-problem';
const OVERLAY_TYPE = 'sparrow-server-problem';

interface Overlays {
  add(elementId: string, type: string, overlay: { position: { top: number; right: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** Marks each problem's element (those still in the diagram); returns a function that removes every mark. */
export function markServerProblems(modeler: BpmnModeler, problems: readonly ModelProblem[]): () => void {
  const overlays = modeler.get<Overlays>('overlays');
  const canvas = modeler.get<Canvas>('canvas');
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const byElement = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.elementId && registry.get(problem.elementId)) byElement.set(problem.elementId, [...(byElement.get(problem.elementId) ?? []), problem.message]);
  }
  for (const [elementId, messages] of byElement) {
    canvas.addMarker(elementId, MARKER);
    const badge = document.createElement('div');
    badge.className = 'sparrow-server-problem-badge';
    badge.textContent = String(messages.length);
    badge.title = messages.join('\n');
    overlays.add(elementId, OVERLAY_TYPE, { position: { top: -12, right: 12 }, html: badge });
  }
  return () => {
    overlays.remove({ type: OVERLAY_TYPE });
    for (const elementId of byElement.keys()) if (registry.get(elementId)) canvas.removeMarker(elementId, MARKER);
  };
}
