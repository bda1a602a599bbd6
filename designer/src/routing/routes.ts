// The app's pages: one entry per page gives its path pattern, its menu label (if in the menu) and its component.
import type { QueryClient } from '@tanstack/react-query';
import { taskQuery } from '../api/hooks/useTask.query';
import { ADMINS, AUDIT_READERS, DESIGN_READERS, hasAnyRole, JOB_TYPE_READERS, type Role, STARTERS } from '../../../contracts/roles';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { type LazyComponent, lazyComponent } from './lazyComponent';
import { isRootPath, matchRoutePattern, type RouteParams } from '../../../contracts/routePatterns.mts';

/** A page whose code loads on first visit (or earlier, by `preload`: the boot asks for the first page's code at once). */
type LazyPage = LazyComponent<{ params: RouteParams }>;
const lazyPage = lazyComponent<{ params: RouteParams }>;

// Every page loads on first visit, so the sign-in page and the task page carry no other page's code (bpmn-js, form-js,
// the process templates).
const ProcessLibrary = lazyPage(() => import('../pages/ProcessLibrary').then((module) => module.ProcessLibrary));
const FormLibrary = lazyPage(() => import('../pages/FormLibrary').then((module) => module.FormLibrary));
const ModelerPage = lazyPage(() => import('../pages/Modeler').then((module) => module.ModelerPage));
const VersionHistory = lazyPage(() => import('../pages/VersionHistory').then((module) => module.VersionHistory));
const FormEditorPage = lazyPage(() => import('../pages/FormEditor').then((module) => module.FormEditorPage));
const TaskList = lazyPage(() => import('../pages/TaskList').then((module) => module.TaskList));
const TaskPage = lazyPage(() => import('../pages/Task').then((module) => module.TaskPage));
const CasePage = lazyPage(() => import('../pages/Case').then((module) => module.CasePage));
const StartCasePage = lazyPage(() => import('../pages/StartCase').then((module) => module.StartCasePage));
const AuditSearchPage = lazyPage(() => import('../pages/AuditSearch').then((module) => module.AuditSearchPage));
const AuditCasePage = lazyPage(() => import('../pages/AuditCase').then((module) => module.AuditCasePage));
const AuditReportPage = lazyPage(() => import('../pages/AuditReport').then((module) => module.AuditReportPage));
const ServiceDeskPage = lazyPage(() => import('../pages/ServiceDesk').then((module) => module.ServiceDeskPage));
const PlaceOrderPage = lazyPage(() => import('../pages/PlaceOrder').then((module) => module.PlaceOrderPage));
const MyOrdersPage = lazyPage(() => import('../pages/MyOrders').then((module) => module.MyOrdersPage));
const OpenOrdersPage = lazyPage(() => import('../pages/VolunteerOrders').then((module) => module.OpenOrdersPage));
const MyServicesPage = lazyPage(() => import('../pages/VolunteerOrders').then((module) => module.MyServicesPage));
const JobTypesPage = lazyPage(() => import('../pages/JobTypes').then((module) => module.JobTypesPage));
const WebhooksPage = lazyPage(() => import('../pages/Webhooks').then((module) => module.WebhooksPage));
const WorkCalendarPage = lazyPage(() => import('../pages/WorkCalendar').then((module) => module.WorkCalendarPage));

/** Who sees the service desk and 我的工单. */
const RESIDENTS: readonly Role[] = ['resident'];
/** Who sees 可接单 and 我的服务. */
const VOLUNTEERS: readonly Role[] = ['volunteer'];

/** One page: `path` may hold `:name` segments, passed to the page as `params`. */
export interface AppRoute {
  path: string;
  /** The side-menu label; pages without one are reached from other pages. */
  labelKey?: MessageKey;
  /** The menu entry highlighted while this page is shown. */
  menuPath: string;
  /** Roles that see the menu entry (everyone when absent); the server still decides what each may do. */
  roles?: readonly Role[];
  Page: LazyPage;
  /** Starts the page's first data request at boot, beside who is signed in (the page's own query then finds it). */
  prefetch?: (params: RouteParams, client: QueryClient) => Promise<unknown>;
}

/** The pages; the first is the home page. More specific patterns come before `:name` ones. */
export const routes: readonly AppRoute[] = [
  { path: '/processes', labelKey: 'nav.processes', menuPath: '/processes', roles: DESIGN_READERS, Page: ProcessLibrary },
  { path: '/processes/new', menuPath: '/processes', Page: ModelerPage },
  { path: '/processes/:key/versions', menuPath: '/processes', Page: VersionHistory },
  { path: '/processes/:key', menuPath: '/processes', Page: ModelerPage },
  { path: '/forms', labelKey: 'nav.forms', menuPath: '/forms', roles: DESIGN_READERS, Page: FormLibrary },
  { path: '/forms/:id', menuPath: '/forms', Page: FormEditorPage },
  // residents land on the service desk, volunteers on 可接单 (the first menu entry each sees is their home page)
  { path: '/services', labelKey: 'nav.serviceDesk', menuPath: '/services', roles: RESIDENTS, Page: ServiceDeskPage },
  { path: '/services/:key', menuPath: '/services', Page: PlaceOrderPage },
  { path: '/my-orders', labelKey: 'nav.myOrders', menuPath: '/my-orders', roles: RESIDENTS, Page: MyOrdersPage },
  { path: '/orders/open', labelKey: 'nav.openOrders', menuPath: '/orders/open', roles: VOLUNTEERS, Page: OpenOrdersPage },
  { path: '/orders/mine', labelKey: 'nav.myServices', menuPath: '/orders/mine', roles: VOLUNTEERS, Page: MyServicesPage },
  { path: '/tasks', labelKey: 'nav.tasks', menuPath: '/tasks', Page: TaskList },
  { path: '/tasks/:id', menuPath: '/tasks', Page: TaskPage, prefetch: (params, client) => client.prefetchQuery(taskQuery(params.id)) },
  { path: '/cases/:id', menuPath: '/tasks', Page: CasePage },
  { path: '/start', labelKey: 'nav.start', menuPath: '/start', roles: STARTERS, Page: StartCasePage },
  { path: '/audit', labelKey: 'nav.audit', menuPath: '/audit', roles: AUDIT_READERS, Page: AuditSearchPage },
  { path: '/audit/:id/report', menuPath: '/audit', Page: AuditReportPage },
  { path: '/audit/:id', menuPath: '/audit', Page: AuditCasePage },
  { path: '/calendar', labelKey: 'nav.calendar', menuPath: '/calendar', roles: ADMINS, Page: WorkCalendarPage },
  { path: '/job-types', labelKey: 'nav.jobTypes', menuPath: '/job-types', roles: JOB_TYPE_READERS, Page: JobTypesPage },
  { path: '/webhooks', labelKey: 'nav.webhooks', menuPath: '/webhooks', roles: ADMINS, Page: WebhooksPage },
];

/** The menu entries a user with `roles` sees. */
export function menuRoutes(roles: readonly Role[]): AppRoute[] {
  return routes.filter((route) => route.labelKey && (!route.roles || hasAnyRole(roles, route.roles)));
}

/** Where `/` leads a user with `roles`: the first menu entry they see (designers: the library; residents: the service desk; volunteers: 可接单; everyone else: tasks). */
export function homePath(roles: readonly Role[]): string {
  return menuRoutes(roles)[0]?.path ?? '/tasks';
}

/** A matched route with its parameters. */
export interface RouteMatch {
  route: AppRoute;
  params: RouteParams;
}

/** The page for a path (`/` is the home page; a trailing slash is ignored), or undefined when none matches. */
export function matchRoute(pathname: string): RouteMatch | undefined {
  if (isRootPath(pathname)) return { route: routes[0], params: {} };
  for (const route of routes) {
    const params = matchRoutePattern(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

/**
 * Starts loading the code and the first data of the page `pathname` shows, beside the boot's first requests (not for
 * `/`, whose page depends on who signs in).
 */
export function preloadPage(pathname: string, client: QueryClient): void {
  const match = pathname === '/' ? undefined : matchRoute(pathname);
  if (!match) return;
  // A failed preload is retried by the page's own load when it renders; a failed prefetch by its query.
  match.route.Page.preload().catch(() => undefined);
  void match.route.prefetch?.(match.params, client);
}
