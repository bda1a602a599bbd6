// Call activities: `zeebe:calledElement` (processId static or FEEL, bindingType, variable propagation) -> CalledElement.
import type { CalledBinding, CalledElement } from '../model';
import { checkedExpression } from './expressions';
import { describe, extension, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics } from './problems';

/**
 * Reads a call activity's `zeebe:calledElement`. Camunda 8's defaults: binding `latest`, both propagations true.
 * Refused: no processId; `bindingType="versionTag"` (Sparrow has no version tags); `deployment` with a FEEL processId
 * (the server pins the called version at deployment, so it must know the process then); an unknown binding.
 */
export function readCalledElement(element: BpmnElement, diagnostics: Diagnostics): CalledElement | undefined {
  const called = extension(element, 'zeebe:CalledElement');
  const raw = (called && (text(called, 'processId') ?? text(called, 'processIdExpression')))?.trim();
  if (!called || !raw) {
    diagnostics.problem('call-activity-invalid', `${describe(element)} names no process to call (zeebe:calledElement processId)`, element.id);
    return undefined;
  }
  const processId = checkedExpression(raw, `processId of ${describe(element)}`, element.id, diagnostics);
  const binding = readBinding(element, called, processId.kind === 'feel', diagnostics);
  if (!binding) return undefined;
  return {
    processId,
    binding,
    propagateAllChildVariables: called.propagateAllChildVariables !== false,
    propagateAllParentVariables: called.propagateAllParentVariables !== false,
  };
}

function readBinding(element: BpmnElement, called: BpmnElement, dynamic: boolean, diagnostics: Diagnostics): CalledBinding | undefined {
  const binding = text(called, 'bindingType')?.trim() || 'latest';
  if (binding === 'latest') return binding;
  if (binding === 'deployment' && !dynamic) return binding;
  const reason =
    binding === 'deployment'
      ? 'bindingType "deployment" needs a static processId: Sparrow pins the called version when the calling process is deployed'
      : binding === 'versionTag'
        ? 'bindingType "versionTag" is not supported: Sparrow has no version tags (use "latest", or "deployment" to pin the version deployed at the time)'
        : `bindingType "${abbreviate(binding)}" is unknown (latest, deployment)`;
  diagnostics.problem('call-activity-invalid', `${describe(element)}: ${reason}`, element.id);
  return undefined;
}
