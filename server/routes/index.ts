// The route table of the API: every route with its access rule and schemas, in one list.
import type { Client } from '@temporalio/client';
import type { AnyRoute } from '../http/route';
import { adminRoutes } from './admin';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { calendarRoutes } from './calendar';
import { clockRoutes } from './clocks';
import { definitionRoutes } from './definitions';
import { docsRoutes } from './docs';
import { formRoutes } from './forms';
import { httpConnectorRoutes } from './httpConnector';
import { instanceRoutes } from './instances';
import { jobRoutes } from './jobs';
import { myCaseRoutes } from './myCases';
import { peopleRoutes } from './people';
import { taskRoutes } from './tasks';
import { variableRoutes } from './variables';
import { webhookRoutes } from './webhooks';

/** Every API route (paths relative to /api). */
export function apiRoutes(client: Client, taskQueue: string): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...authRoutes(),
    ...definitionRoutes(client, taskQueue),
    ...formRoutes(),
    ...instanceRoutes(client, taskQueue),
    ...myCaseRoutes(client),
    ...clockRoutes(client),
    ...variableRoutes(client),
    ...taskRoutes(client),
    ...adminRoutes(),
    ...httpConnectorRoutes(),
    ...peopleRoutes(),
    ...auditRoutes(client),
    ...calendarRoutes(client),
    ...webhookRoutes(),
    ...jobRoutes(client, taskQueue),
  ];
  routes.push(...docsRoutes(() => routes));
  return routes;
}
