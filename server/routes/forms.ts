// Forms (form-js schemas): list, read a version, save a new version.
import { z } from 'zod';
import { type AnyRoute, reply, route } from '../http/route';
import { pageWindow } from '../http/schemas';
import { idParam, paging } from '../../contracts/api/common';
import { formView } from '../../contracts/api/forms';
import { formId } from '../../contracts/api/identifiers';
import { DESIGNERS, EVERY_ROLE } from '../../contracts/roles';
import { Form } from '../../store/models';
import { listForms, loadForm, saveForm } from '../services/forms';

const formSummary = z.object({ id: z.string(), name: z.string().nullable(), latestVersion: z.number().int(), updatedAt: z.string() });

/** The form routes. */
export function formRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/forms',
      summary: 'Lists forms, most recently saved first',
      tag: 'forms',
      access: EVERY_ROLE,
      query: z.object(paging),
      responses: { 200: { description: 'forms', schema: z.object({ items: z.array(formSummary), page: z.number(), size: z.number(), total: z.number() }) } },
      handler: async ({ query }) => ({ items: await listForms(pageWindow(query)), page: query.page, size: query.size, total: await Form.countDocuments() }),
    }),
    route({
      method: 'get',
      path: '/forms/:id',
      summary: 'A form at its latest version (or ?version=)',
      tag: 'forms',
      access: EVERY_ROLE,
      params: idParam,
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      responses: { 200: { description: 'the form', schema: formView } },
      problems: [404],
      handler: async ({ params, query }) => loadForm(params.id, query.version),
    }),
    route({
      method: 'put',
      path: '/forms/:id',
      summary: 'Saves a form-js schema as the next version (an unchanged schema: 200, the existing version)',
      tag: 'forms',
      access: DESIGNERS,
      params: z.object({ id: formId }),
      body: z.object({ schema: z.record(z.string(), z.unknown()), name: z.string().max(200).nullish() }),
      responses: { 201: { description: 'a new version', schema: formView }, 200: { description: 'unchanged', schema: formView } },
      problems: [409, 422],
      handler: async ({ params, body, user }) => {
        const { created, form } = await saveForm(params.id, body, user.username);
        return reply(created ? 201 : 200, form);
      },
    }),
  ];
}
