// The caller's own cases (我的工单): GET /api/me/cases.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { pageOf } from '../../contracts/api/common';
import { myCaseView } from '../../contracts/api/myCases';
import { STARTERS } from '../../contracts/roles';
import { type AnyRoute, route } from '../http/route';
import { pageWindow } from '../http/schemas';
import { myCases } from '../services/myCases';

/** The routes of the caller's own cases. */
export function myCaseRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/me/cases',
      summary: 'The cases the caller started (in their streets), newest first: status, the open steps with who holds them and whether they wait for the caller, and a completed case\'s rating',
      tag: 'instances',
      access: STARTERS,
      // a completed case's rating is read from its workflow once (then kept): at most 50 cases a page
      query: z.object({ page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().min(1).max(50).default(20) }),
      responses: { 200: { description: 'the caller\'s cases', schema: pageOf(myCaseView) } },
      handler: async ({ query, user }) => {
        const { items, total } = await myCases(client, user, pageWindow(query));
        return { items, page: query.page, size: query.size, total };
      },
    }),
  ];
}
