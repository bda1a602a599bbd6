// Variable updates by hand: a commander or admin sets variables of a case, or of one element instance's scope, with a
// reason (Camunda 8's "fix the variable, then resolve the incident").
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { setVariablesUpdate } from '../../workflows/definitions';
import { type AnyRoute, route } from '../http/route';
import { variables } from '../http/schemas';
import { idParam } from '../../contracts/api/common';
import { caseState as caseStateSchema } from '../../contracts/api/instances';
import { VARIABLE_EDITORS } from '../../contracts/roles';
import { updateCase, visibleInstance } from '../services/cases';

const body = z.object({
  variables,
  scope: z.string().min(1).max(200).optional().describe('an active element instance id (the case view\'s tokenId) whose scope gets the variables; absent: the process'),
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
});

/** The variable update route. */
export function variableRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'patch',
      path: '/instances/:id/variables',
      summary:
        'Sets variables of a running case (engine v2), on the process scope or on one active element instance\'s scope, with a reason recorded in the audit chain (variables.set); a stopped element reads them when its incident is resolved',
      tag: 'instances',
      access: VARIABLE_EDITORS,
      params: idParam,
      body,
      responses: { 200: { description: 'the case state after the change', schema: caseStateSchema } },
      problems: [404, 409, 422],
      handler: async ({ params, body: { variables: values, scope, reason }, user }) => {
        await visibleInstance(user, params.id);
        return updateCase(client, params.id, setVariablesUpdate, { variables: values, reason, actor: user.username, ...(scope === undefined ? {} : { scope }) });
      },
    }),
  ];
}
