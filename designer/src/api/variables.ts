// Request builder for setting a case's variables by hand (修改变量): on the case, or on one active step's own scope.
import type { RequestBuilder } from './request';

/** The body of `PATCH /api/instances/:id/variables`: the variables, the element instance whose scope gets them (absent: the case), the reason. */
export interface SetVariablesInput {
  variables: Record<string, unknown>;
  scope?: string;
  reason: string;
}

/** `PATCH /api/instances/:id/variables`; 403 for anyone but commanders and admins, 409 when the case or step has ended. */
export function setVariables(instanceId: string, input: SetVariablesInput): RequestBuilder {
  return { method: 'PATCH', url: `/api/instances/${encodeURIComponent(instanceId)}/variables`, body: input };
}
