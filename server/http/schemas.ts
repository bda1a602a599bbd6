// zod schemas shared by routes and the OpenAPI document: paging, ids, and the views the API answers with.
import { z } from 'zod';
import { INSTANCE_STATUSES, ORG_UNIT_KINDS, ROLES, TASK_STATUSES } from '../../store/models';
import { boundedVariables } from './variables';

/** Page/size paging of list queries (page from 1, size up to 200). */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
};
/** Skip and limit of a page. */
export const pageWindow = (q: { page: number; size: number }) => ({ skip: (q.page - 1) * q.size, limit: q.size });

/** A query flag: `true` or `false`. */
export const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A list answer with paging. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number().int(), size: z.number().int(), total: z.number().int() });

/** A JSON object of process variables, within the bounds of VARIABLE_LIMITS (every route taking variables uses it). */
export const variables = boundedVariables;

/** An id in a path. */
export const idParam = z.object({ id: z.string().min(1).max(500) });
/** A definition key in a path. */
export const keyParam = z.object({ key: z.string().min(1).max(200) });
/** A definition key and version in a path. */
export const versionParams = z.object({ key: z.string().min(1).max(200), version: z.coerce.number().int().min(1) });

/** The RFC 9457 problem body. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable machine-readable code'),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose();

/** A compiler finding. */
export const modelProblem = z.object({ elementId: z.string().optional(), code: z.string(), message: z.string() });

/** Who a user is and what they may reach: shared by the signed-in view and the admin view. */
const userIdentity = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  groups: z.array(z.string()),
  orgUnits: z.array(z.string()),
  streets: z.array(z.string()),
});

/** The signed-in user. */
export const meView = userIdentity.extend({
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
});

/** A user as admins see it. */
export const userView = userIdentity.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An org unit. */
export const orgUnitView = z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_UNIT_KINDS), parentId: z.string().nullable(), createdAt: z.string() });

/** A definition in the list. */
export const definitionSummary = z.object({ key: z.string(), name: z.string().nullable(), version: z.number().int(), sha256: z.string(), deployedAt: z.string(), deployedBy: z.string().nullable() });

/** A version without XML and model. */
export const versionSummary = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string().nullable(),
  sha256: z.string(),
  note: z.string().nullable(),
  deployedBy: z.string().nullable(),
  deployedAt: z.string(),
  forms: z.array(z.object({ formId: z.string(), version: z.number().int() })),
});

/** A version with XML and model. */
export const versionView = versionSummary.omit({ forms: true }).extend({ warnings: z.array(modelProblem), xml: z.string(), model: z.record(z.string(), z.unknown()), forms: versionSummary.shape.forms });

/** The answer of a deployment. */
export const deploymentView = z.object({ created: z.boolean(), key: z.string(), version: z.number().int(), name: z.string().nullable(), sha256: z.string(), warnings: z.array(modelProblem) });

/** A form version. */
export const formView = z.object({ id: z.string(), version: z.number().int(), name: z.string().nullable(), sha256: z.string(), savedBy: z.string(), savedAt: z.string(), schema: z.unknown() });

/** An instance summary. */
export const instanceView = z.object({
  id: z.string(),
  definitionKey: z.string(),
  definitionVersion: z.number().int(),
  businessKey: z.string(),
  street: z.string().nullable(),
  status: z.enum(INSTANCE_STATUSES),
  currentElements: z.array(z.string()),
  incidentCount: z.number().int(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});

/** The workflow's state query answer. */
export const caseState = z
  .object({
    status: z.enum(['running', 'completed', 'cancelled']),
    activeElements: z.array(z.object({ elementId: z.string(), tokenId: z.string(), since: z.string() })),
    openTasks: z.array(z.string()),
    incidents: z.array(z.object({ id: z.string(), elementId: z.string(), kind: z.string(), message: z.string() }).loose()),
    variables,
  })
  .loose();

/** A task row. */
export const taskView = z.object({
  id: z.string(),
  instanceId: z.string(),
  definitionKey: z.string(),
  definitionVersion: z.number().int(),
  businessKey: z.string(),
  street: z.string().nullable(),
  elementId: z.string(),
  name: z.string().nullable(),
  assignee: z.string().nullable(),
  candidateGroups: z.array(z.string()),
  candidateUsers: z.array(z.string()),
  status: z.enum(TASK_STATUSES),
  dueDate: z.string().nullable(),
  followUpDate: z.string().nullable(),
  priority: z.number(),
  formKey: z.string().nullable(),
  formId: z.string().nullable(),
  createdAt: z.string().nullable(),
  claimedAt: z.string().nullable(),
  claimedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});
