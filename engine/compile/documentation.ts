// The BPMN documentation of an element (bpmn:documentation), carried into the model so people see it beside their work.
import { children, text, type BpmnElement } from './moddle';

/** The element's documentation texts, trimmed and joined by a blank line; undefined when it has none. */
export function readDocumentation(element: BpmnElement): string | undefined {
  const texts = children(element, 'documentation')
    .map((documentation) => text(documentation, 'text')?.trim())
    .filter((value): value is string => Boolean(value));
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}
