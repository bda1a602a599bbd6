// Cases: start (Idempotency-Key), list, read (summary + workflow state), cancel, resolve an incident, correlate a message, broadcast a signal.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { cancelUpdate, resolveIncidentUpdate } from '../../workflows/definitions';
import { districtWide, inScope, instanceScope } from '../auth/principal';
import { HttpProblem } from '../http/problem';
import { type AnyRoute, reply, route } from '../http/route';
import { pageWindow, variables } from '../http/schemas';
import { idParam, pageOf, paging } from '../../contracts/api/common';
import { businessKey, businessKeyFilter } from '../../contracts/api/identifiers';
import { caseState as caseStateSchema, childCaseView, clockView, elementLabel, instanceView as instanceSchema, parentCaseView, signalBroadcastView } from '../../contracts/api/instances';
import { DISPATCHERS, EVERY_ROLE, hasAnyRole, INCIDENT_RESOLVERS, MESSENGERS, STARTERS } from '../../contracts/roles';
import { INSTANCE_STATUSES } from '../../contracts/statuses';
import { forbidden, unprocessable } from '../../platform/errors';
import { defaultMessageTtlMs, messageTtlMs } from '../../platform/messageTtl';
import { listInstances } from '../../store/instanceList';
import { OrgUnit } from '../../store/models';
import { caseLinks, caseState, instanceView, startCase, updateCase, visibleInstance } from '../services/cases';
import { caseClockViews } from '../services/clocks';
import { elementLabels } from '../services/elementDocs';
import { escapeRegex } from '../services/definitions';
import { correlateMessage } from '../services/messages';
import { broadcastSignal, SIGNAL_PAGE_SIZE } from '../services/signals';
import { reconcileCase, reconcileRows } from '../services/reconcile';

const startBody = z.object({
  definitionKey: z.string().min(1),
  version: z.number().int().min(1).optional(),
  businessKey,
  street: z.string().min(1).nullish().describe('street org-unit id; defaults to the caller\'s street when they have exactly one'),
  variables: variables.default({}),
});
const startedView = z.object({ id: z.string(), definitionKey: z.string(), version: z.number().int(), businessKey: z.string(), street: z.string().nullable() });
const listQuery = z.object({
  definitionKey: z.string().optional(),
  street: z.string().optional(),
  status: z.enum(INSTANCE_STATUSES).optional(),
  businessKey: businessKeyFilter.optional(),
  businessKeyPrefix: businessKeyFilter.min(1).optional().describe('cases whose business key starts with this text'),
  startedFrom: z.iso.datetime({ offset: true }).optional(),
  startedTo: z.iso.datetime({ offset: true }).optional(),
  ...paging,
}).refine((q) => !q.startedFrom || !q.startedTo || Date.parse(q.startedFrom) <= Date.parse(q.startedTo), { path: ['startedTo'], message: 'must not be before startedFrom' });

/** The street a case starts in: the given one (which must be a street in the caller's scope) or the caller's only street. */
async function streetOf(user: Parameters<typeof inScope>[0], street: string | null | undefined): Promise<string | null> {
  const chosen = street ?? (!districtWide(user) && user.streets.length === 1 ? user.streets[0] : null);
  if (!chosen) {
    if (districtWide(user)) return null;
    throw new HttpProblem(400, 'validation-failed', 'Bad Request', 'body.street: which street the case belongs to is required', { errors: [{ path: 'body.street', message: 'required' }] });
  }
  const unit = await OrgUnit.findById(chosen).lean();
  if (!unit || unit.kind !== 'street') throw unprocessable('unknown-street', `${chosen} is not a street`);
  if (!inScope(user, chosen)) throw forbidden(`you may not start cases in ${chosen}`, 'street-out-of-scope');
  return chosen;
}

/** The case routes. */
export function instanceRoutes(client: Client, taskQueue: string): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/instances',
      summary: 'Starts a case of a deployed definition (honours Idempotency-Key); a process that names its starters (sparrow:starters) is started only by them and admins (403 not-a-starter)',
      tag: 'instances',
      access: STARTERS,
      idempotent: true,
      body: startBody,
      responses: { 201: { description: 'the started case', schema: startedView } },
      problems: [403, 404, 409, 422],
      handler: async ({ body, user }) => {
        const street = await streetOf(user, body.street);
        return reply(201, await startCase(client, taskQueue, { ...body, street, startedBy: user.username, starter: user }));
      },
    }),
    route({
      method: 'get',
      path: '/instances',
      summary: 'Lists the cases of the caller\'s streets, newest first, filtered by process, street, status, business key (exact or prefix) and start time',
      tag: 'instances',
      access: EVERY_ROLE,
      query: listQuery,
      responses: { 200: { description: 'cases', schema: pageOf(instanceSchema) } },
      handler: async ({ query, user, req }) => {
        const filter: Record<string, unknown> = {};
        if (query.definitionKey) filter.definitionKey = query.definitionKey;
        if (query.status) filter.status = query.status;
        if (query.businessKey) filter.businessKey = query.businessKey;
        else if (query.businessKeyPrefix) filter.businessKey = { $regex: `^${escapeRegex(query.businessKeyPrefix)}` };
        if (query.startedFrom || query.startedTo) {
          filter.startedAt = { ...(query.startedFrom ? { $gte: new Date(query.startedFrom) } : {}), ...(query.startedTo ? { $lt: new Date(query.startedTo) } : {}) };
        }
        const scope = instanceScope(user);
        if (query.street) {
          if (!inScope(user, query.street)) return { items: [], page: query.page, size: query.size, total: 0 };
          Object.assign(filter, scope, { street: query.street });
        } else {
          Object.assign(filter, scope);
        }
        const { skip, limit } = pageWindow(query);
        const { rows, total } = await listInstances(filter, skip, limit);
        return { items: (await reconcileRows(client, rows, req.log)).map(instanceView), page: query.page, size: query.size, total };
      },
    }),
    route({
      method: 'get',
      path: '/instances/:id',
      summary:
        'A case: its summary merged with the workflow\'s current state (active elements, open tasks, incidents, variables), its calling case, the child cases of its call activities and its statutory clocks as at now',
      tag: 'instances',
      access: EVERY_ROLE,
      params: idParam,
      responses: {
        200: {
          description: 'the case',
          schema: instanceSchema.extend({
            state: caseStateSchema,
            parent: parentCaseView.optional(),
            children: z.array(childCaseView),
            clocks: z.array(clockView),
            elements: z.record(z.string(), elementLabel).describe("the name and kind of each element of the case's process version, by id (how its timeline names its steps)"),
          }),
        },
      },
      problems: [404],
      handler: async ({ params, user }) => {
        const summary = await visibleInstance(user, params.id);
        const open = summary.status === 'running' || summary.status === 'incident';
        const [state, failed, links] = await Promise.all([caseState(client, params.id), open && reconcileCase(client, params.id), caseLinks(summary)]);
        const [clocks, elements] = await Promise.all([caseClockViews(summary, state), elementLabels(summary.definitionKey, summary.definitionVersion)]);
        return { ...instanceView(failed ? await visibleInstance(user, params.id) : summary), ...links, state, clocks, elements };
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/cancel',
      summary: 'Cancels a running case with a reason; its open tasks are cancelled',
      tag: 'instances',
      access: DISPATCHERS,
      params: idParam,
      body: z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) }),
      responses: { 200: { description: 'the case state after cancelling', schema: caseStateSchema } },
      problems: [404, 409],
      handler: async ({ params, body, user }) => {
        await visibleInstance(user, params.id);
        return updateCase(client, params.id, cancelUpdate, { reason: body.reason, actor: user.username });
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/incidents/:incidentId/resolve',
      summary: 'Resolves an incident: the stopped element runs again',
      tag: 'instances',
      access: INCIDENT_RESOLVERS,
      params: z.object({ id: z.string().min(1).max(500), incidentId: z.string().min(1).max(200) }),
      responses: { 200: { description: 'the case state after resolving', schema: caseStateSchema } },
      problems: [404, 409],
      handler: async ({ params, user }) => {
        await visibleInstance(user, params.id);
        return updateCase(client, params.id, resolveIncidentUpdate, { incidentId: params.incidentId, actor: user.username });
      },
    }),
    route({
      method: 'post',
      path: '/messages',
      summary:
        'Publishes a message as Camunda 8 does: it reaches, per process, the case of the caller\'s streets that has waited longest for it (by name and correlation key); with a time-to-live it is buffered for cases that wait for it later; a messageId publishes it once while buffered. When no case waits, starts a case at each process\'s message start event of that name (the correlation key becomes its business key; not while a case it started still runs)',
      tag: 'instances',
      access: MESSENGERS,
      body: z.object({
        name: z.string().min(1).max(200),
        correlationKey: z.string().min(1).max(500),
        variables: variables.default({}),
        street: z.string().min(1).nullish().describe('street of a case the message starts; defaults to the caller\'s street when they have exactly one'),
        timeToLive: z
          .string()
          .max(100)
          .optional()
          .superRefine((value, ctx) => {
            const ms = value === undefined ? 0 : messageTtlMs(value);
            if (typeof ms !== 'number') ctx.addIssue({ code: 'custom', message: ms.problem });
          })
          .describe('how long the message is buffered for cases that wait for it later: an ISO 8601 duration from PT0S (not buffered) to P30D; default SPARROW_MESSAGE_TTL, else PT1H'),
        messageId: z.string().min(1).max(500).optional().describe('a message with the same name, correlation key and messageId is refused (409 message-already-published) while this one is buffered'),
        broadcast: z.boolean().optional().describe('deliver to every waiting case, not one per process (street commanders and admins; signals are the usual broadcast)'),
      }),
      responses: {
        200: {
          description: 'the cases it reached, or the cases it started',
          schema: z.object({
            name: z.string(),
            correlationKey: z.string(),
            correlated: z.array(z.object({ id: z.string(), status: z.string() })),
            started: z.array(z.object({ id: z.string(), definitionKey: z.string(), version: z.number().int(), businessKey: z.string() })),
            running: z.array(z.string()).describe('cases this correlation key started that still run, so no new case was started'),
            buffered: z
              .object({ id: z.string(), messageId: z.string().optional(), expiresAt: z.string() })
              .optional()
              .describe('the message is buffered until expiresAt: a case of the caller\'s streets that waits for it before then takes it (one per process)'),
          }),
        },
      },
      problems: [403, 404, 409, 422],
      handler: async ({ body, user }) => {
        const { street, timeToLive, ...message } = body;
        if (message.broadcast && !hasAnyRole(user.roles, DISPATCHERS)) throw forbidden('only street commanders and admins may broadcast a message to every waiting case', 'broadcast-not-allowed');
        const timeToLiveMs = timeToLive === undefined ? defaultMessageTtlMs() : (messageTtlMs(timeToLive) as number);
        return correlateMessage(client, user, { ...message, timeToLiveMs }, { taskQueue, streetForStart: () => streetOf(user, street) });
      },
    }),
    route({
      method: 'post',
      path: '/signals',
      summary: `Broadcasts a signal to the running cases of the caller's streets that wait for it, at most ${SIGNAL_PAGE_SIZE} per request (none waiting: delivered 0)`,
      tag: 'instances',
      access: DISPATCHERS,
      body: z.object({
        name: z.string().trim().min(1).max(200),
        variables: variables.default({}),
        after: z.string().min(1).max(500).optional().describe('continue a broadcast after this case id (the previous answer\'s `next`)'),
      }),
      responses: { 200: { description: 'the cases it reached', schema: signalBroadcastView } },
      problems: [422],
      handler: async ({ body, user }) => broadcastSignal(client, user, body),
    }),
  ];
}
