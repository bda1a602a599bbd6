// Process definitions: list, versions, XML, model, drafts (list, read, save, discard), deployments and diffs.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { type AnyRoute, reply, route } from '../http/route';
import { pageWindow } from '../http/schemas';
import { flag, keyParam, paging, versionParams } from '../../contracts/api/common';
import { definitionSummary, deploymentView, draftSummary, draftView, startView, versionSummary, versionView } from '../../contracts/api/definitions';
import { DEFINITION_READERS, DESIGNERS, DRAFT_READERS, PROCESS_LISTERS, STARTERS } from '../../contracts/roles';
import { notFound, unprocessable } from '../../platform/errors';
import { Definition, Draft } from '../../store/models';
import { definitionFilter, deleteDraft, deploy, listDefinitions, listDrafts, listVersions, loadVersion, retireDefinition, versionSummaryOf } from '../services/definitions';
import { startInfo } from '../services/startInfo';
import { startableFilter } from '../services/starters';
import { syncTimerSchedules } from '../services/timerSchedules';
import { diffModels } from '../services/diff';

const deploymentBody = z.object({
  xml: z.string().min(1, 'xml is required'),
  note: z.string().max(2000).optional(),
  processId: z.string().min(1).optional(),
});
const draftBody = z.object({
  xml: z.string().min(1, 'xml is required'),
  baseVersion: z.number().int().min(1).nullish(),
  note: z.string().trim().max(2000).nullish().describe('a change note (an imported file); left out, the draft keeps its note'),
});
const diffElement = z.object({ id: z.string(), type: z.string(), name: z.string().nullable() });
const diffView = z.object({
  key: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(diffElement),
  removed: z.array(diffElement),
  changed: z.array(diffElement.extend({ fields: z.array(z.string()) })),
});

function view(row: Awaited<ReturnType<typeof loadVersion>>) {
  return {
    ...versionSummaryOf(row),
    warnings: JSON.parse(row.warningsJson ?? '[]'),
    xml: row.xml,
    model: row.model,
  };
}

const retiredView = z.object({ key: z.string(), retiredAt: z.string(), retiredBy: z.string(), schedulesRemoved: z.array(z.string()).describe('the Temporal Schedules of its timer start events that were deleted') });

/** The definition routes; `client` and `taskQueue` keep the timer start events' Temporal Schedules in step with deployments. */
export function definitionRoutes(client: Client, taskQueue: string): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/deployments',
      summary: 'Deploys BPMN XML as the next version of its process (identical XML: 200, the existing version)',
      tag: 'definitions',
      access: DESIGNERS,
      body: deploymentBody,
      responses: { 201: { description: 'a new version', schema: deploymentView }, 200: { description: 'identical to the latest version', schema: deploymentView } },
      problems: [409, 422],
      handler: async ({ body, user }) => {
        const result = await deploy({ ...body, deployedBy: user.username });
        // the latest version's timer start events get their schedules (idempotent: an identical redeploy changes nothing)
        await syncTimerSchedules(client, taskQueue, result.key);
        return reply(result.created ? 201 : 200, result);
      },
    }),
    route({
      method: 'post',
      path: '/definitions/:key/retire',
      summary: 'Retires a definition: its timer start schedules are deleted, and no message or API start makes new cases of it until it is deployed again (running cases go on)',
      tag: 'definitions',
      access: DESIGNERS,
      params: keyParam,
      responses: { 200: { description: 'the retired definition', schema: retiredView } },
      problems: [404],
      handler: async ({ params, user }) => {
        const retired = await retireDefinition(params.key, user.username);
        const sync = await syncTimerSchedules(client, taskQueue, params.key);
        return { key: retired.key, retiredAt: retired.retiredAt.toISOString(), retiredBy: retired.retiredBy, schedulesRemoved: sync.removed };
      },
    }),
    route({
      method: 'get',
      path: '/definitions',
      summary: 'Lists definitions at their latest version, most recently deployed first; q matches key or name; startable: only those the caller may start (not retired, and naming the caller among its starters or naming none)',
      tag: 'definitions',
      access: PROCESS_LISTERS,
      query: z.object({ q: z.string().max(200).optional(), startable: flag.optional().describe('only the processes the caller may start'), ...paging }),
      responses: { 200: { description: 'definitions', schema: z.object({ items: z.array(definitionSummary), page: z.number(), size: z.number(), total: z.number() }) } },
      handler: async ({ query, user }) => {
        const only = query.startable ? { ...startableFilter(user), retiredAt: null } : {};
        const items = await listDefinitions({ q: query.q, only, ...pageWindow(query) });
        const total = query.q || query.startable ? await Definition.countDocuments(definitionFilter(query.q, only)) : await Definition.countDocuments();
        return { items, page: query.page, size: query.size, total };
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key/start',
      summary: "What starting a case of the process needs: its name, its description (the process's BPMN documentation) and its start form (403 not-a-starter for who may not start it)",
      tag: 'definitions',
      access: STARTERS,
      params: keyParam,
      responses: { 200: { description: 'the start page of the latest version', schema: startView } },
      problems: [403, 404],
      handler: async ({ params, user }) => startInfo(user, params.key),
    }),
    route({
      method: 'get',
      path: '/definitions/:key',
      summary: 'The latest version of a definition with XML and model',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: keyParam,
      responses: { 200: { description: 'the latest version', schema: versionView } },
      problems: [404],
      handler: async ({ params }) => view(await loadVersion(params.key)),
    }),
    route({
      method: 'get',
      path: '/definitions/:key/versions',
      summary: 'All versions of a definition, newest first (without XML and model)',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: keyParam,
      responses: { 200: { description: 'versions', schema: z.object({ items: z.array(versionSummary) }) } },
      problems: [404],
      handler: async ({ params }) => ({ items: await listVersions(params.key) }),
    }),
    route({
      method: 'get',
      path: '/definitions/:key/versions/:version',
      summary: 'One version with XML and model',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: versionParams,
      responses: { 200: { description: 'the version', schema: versionView } },
      problems: [404],
      handler: async ({ params }) => view(await loadVersion(params.key, params.version)),
    }),
    route({
      method: 'get',
      path: '/definitions/:key/versions/:version/xml',
      summary: 'The BPMN XML of one version, as a download (<key>-v<version>.bpmn)',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: versionParams,
      responses: { 200: { description: 'BPMN 2.0 XML (Content-Disposition: attachment)', contentType: 'application/xml' } },
      problems: [404],
      handler: async ({ params, res }) => {
        const row = await loadVersion(params.key, params.version);
        // A user-authored document: a download, never a page the browser renders on the app's origin.
        res.attachment(`${row.key}-v${row.version}.bpmn`);
        return reply(200, row.xml, 'application/xml');
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key/versions/:version/model',
      summary: 'The compiled executable model of one version',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: versionParams,
      responses: { 200: { description: 'the executable model', schema: z.record(z.string(), z.unknown()) } },
      problems: [404],
      handler: async ({ params }) => (await loadVersion(params.key, params.version)).model,
    }),
    route({
      method: 'get',
      path: '/definitions/:key/diff',
      summary: 'Elements added, removed and changed between two versions',
      tag: 'definitions',
      access: DEFINITION_READERS,
      params: keyParam,
      query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
      responses: { 200: { description: 'the differences', schema: diffView } },
      problems: [404],
      handler: async ({ params, query }) => {
        const [from, to] = await Promise.all([loadVersion(params.key, query.from), loadVersion(params.key, query.to)]);
        return { key: params.key, from: from.version, to: to.version, ...diffModels(from.model, to.model) };
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key/draft',
      summary: 'The autosaved draft of a definition',
      tag: 'definitions',
      access: DRAFT_READERS,
      params: keyParam,
      responses: { 200: { description: 'the draft', schema: draftView } },
      problems: [404],
      handler: async ({ params }) => {
        const row = await Draft.findById(params.key).lean();
        if (!row) throw notFound(`draft of ${params.key}`);
        return { key: row._id, xml: row.xml, baseVersion: row.baseVersion ?? null, note: row.note ?? null, savedBy: row.savedBy, savedAt: row.savedAt.toISOString() };
      },
    }),
    route({
      method: 'delete',
      path: '/definitions/:key/draft',
      summary: 'Discards the autosaved draft of a definition (deployed versions stay)',
      tag: 'definitions',
      access: DESIGNERS,
      params: keyParam,
      responses: { 204: { description: 'deleted' } },
      problems: [404],
      handler: async ({ params }) => {
        await deleteDraft(params.key);
        return reply(204);
      },
    }),
    route({
      method: 'get',
      path: '/drafts',
      summary: 'Lists the autosaved drafts of every definition (deployed or not), most recently saved first, without XML',
      tag: 'definitions',
      access: DRAFT_READERS,
      query: z.object(paging),
      responses: { 200: { description: 'drafts', schema: z.object({ items: z.array(draftSummary), page: z.number(), size: z.number(), total: z.number() }) } },
      handler: async ({ query }) => ({ ...(await listDrafts(pageWindow(query))), page: query.page, size: query.size }),
    }),
    route({
      method: 'put',
      path: '/definitions/:key/draft',
      summary: 'Autosaves the draft of a definition (not compiled, not executable)',
      tag: 'definitions',
      access: DESIGNERS,
      params: keyParam,
      body: draftBody,
      responses: { 200: { description: 'the saved draft', schema: draftView } },
      problems: [422],
      handler: async ({ params, body, user }) => {
        if (!/<(\w+:)?definitions[\s>]/.test(body.xml)) throw unprocessable('invalid-bpmn', 'the draft is not BPMN XML (no definitions element)', { problems: [] });
        const savedAt = new Date();
        const note = body.note === undefined ? {} : { note: body.note || null };
        const row = await Draft.findOneAndUpdate({ _id: params.key }, { $set: { xml: body.xml, baseVersion: body.baseVersion ?? null, savedBy: user.username, savedAt, ...note } }, { upsert: true, returnDocument: 'after' }).lean();
        return { key: params.key, xml: body.xml, baseVersion: body.baseVersion ?? null, note: row?.note ?? null, savedBy: user.username, savedAt: savedAt.toISOString() };
      },
    }),
  ];
}
