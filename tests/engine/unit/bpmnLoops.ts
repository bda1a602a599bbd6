// Multi-instance characteristics for the unit specs' BPMN builder (bpmn.ts): `multiInstance(userTask('Sign'), {...})`.
import { esc } from './bpmn';

/** The zeebe:loopCharacteristics and completion condition of a multi-instance activity (FEEL written with `=`). */
export interface Loop {
  sequential?: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** Makes the activity of `xml` (one element built by bpmn.ts, with a closing tag) multi-instance. */
export function multiInstance(xml: string, loop: Loop): string {
  const attributes = (['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const)
    .flatMap((name) => (loop[name] === undefined ? [] : [`${name}="${esc(loop[name])}"`]))
    .join(' ');
  const condition = loop.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(loop.completionCondition)}</bpmn:completionCondition>`
    : '';
  const characteristics = `<bpmn:multiInstanceLoopCharacteristics isSequential="${loop.sequential === true}"><bpmn:extensionElements><zeebe:loopCharacteristics ${attributes} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>`;
  const close = xml.lastIndexOf('</bpmn:');
  if (close < 0) throw new Error(`multiInstance needs an element with a closing tag: ${xml}`);
  return `${xml.slice(0, close)}${characteristics}${xml.slice(close)}`;
}
