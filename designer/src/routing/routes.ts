// The app's pages: one entry per page gives its path pattern, its menu label (if in the menu) and its component.
import { lazy, type ComponentType } from 'react';
import { ADMINS, AUDIT_READERS, DESIGN_READERS, hasAnyRole, JOB_TYPE_READERS, type Role, STARTERS } from '../../../contracts/roles';
import type { MessageKey } from '../i18n/messages/zh-CN';
import type { RouteParams } from './paths';
import { FormLibrary } from '../pages/FormLibrary';
import { ProcessLibrary } from '../pages/ProcessLibrary';

// Pages that carry bpmn-js or form-js load on first visit, so the library opens without them.
const ModelerPage = lazy(() => import('../pages/Modeler').then((module) => ({ default: module.ModelerPage })));
const VersionHistory = lazy(() => import('../pages/VersionHistory').then((module) => ({ default: module.VersionHistory })));
const FormEditorPage = lazy(() => import('../pages/FormEditor').then((module) => ({ default: module.FormEditorPage })));
const TaskList = lazy(() => import('../pages/TaskList').then((module) => ({ default: module.TaskList })));
const TaskPage = lazy(() => import('../pages/Task').then((module) => ({ default: module.TaskPage })));
const CasePage = lazy(() => import('../pages/Case').then((module) => ({ default: module.CasePage })));
const StartCasePage = lazy(() => import('../pages/StartCase').then((module) => ({ default: module.StartCasePage })));
const AuditSearchPage = lazy(() => import('../pages/AuditSearch').then((module) => ({ default: module.AuditSearchPage })));
const AuditCasePage = lazy(() => import('../pages/AuditCase').then((module) => ({ default: module.AuditCasePage })));
const AuditReportPage = lazy(() => import('../pages/AuditReport').then((module) => ({ default: module.AuditReportPage })));
const ServiceDeskPage = lazy(() => import('../pages/ServiceDesk').then((module) => ({ default: module.ServiceDeskPage })));
const PlaceOrderPage = lazy(() => import('../pages/PlaceOrder').then((module) => ({ default: module.PlaceOrderPage })));
const MyOrdersPage = lazy(() => import('../pages/MyOrders').then((module) => ({ default: module.MyOrdersPage })));
const OpenOrdersPage = lazy(() => import('../pages/VolunteerOrders').then((module) => ({ default: module.OpenOrdersPage })));
const MyServicesPage = lazy(() => import('../pages/VolunteerOrders').then((module) => ({ default: module.MyServicesPage })));
const JobTypesPage = lazy(() => import('../pages/JobTypes').then((module) => ({ default: module.JobTypesPage })));
const WebhooksPage = lazy(() => import('../pages/Webhooks').then((module) => ({ default: module.WebhooksPage })));
const WorkCalendarPage = lazy(() => import('../pages/WorkCalendar').then((module) => ({ default: module.WorkCalendarPage })));

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
  Page: ComponentType<{ params: RouteParams }>;
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
  { path: '/tasks/:id', menuPath: '/tasks', Page: TaskPage },
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

function matchPattern(pattern: string, path: string): RouteParams | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) {
      if (have[i] === '') return undefined;
      params[want[i].slice(1)] = decodeURIComponent(have[i]);
    } else if (want[i] !== have[i]) return undefined;
  }
  return params;
}

/** The page for a path (`/` is the home page; a trailing slash is ignored), or undefined when none matches. */
export function matchRoute(pathname: string): RouteMatch | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { route: routes[0], params: {} };
  for (const route of routes) {
    const params = matchPattern(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}
