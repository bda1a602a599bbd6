// The paths of the app's pages, built from their parameters (the route table in ./routes matches them). Pages link to
// each other and read their parameters through this file, never through the route table (which imports every page).

/** The values of a path's `:name` segments. */
export type { RouteParams } from '../../../contracts/routePatterns.mts';

/** The path of a definition's modeler page. */
export const modelerPath = (key: string) => `/processes/${encodeURIComponent(key)}`;
/** The path of a definition's version history. */
export const versionsPath = (key: string) => `/processes/${encodeURIComponent(key)}/versions`;
/** The path of a form's editor. */
export const formPath = (id: string) => `/forms/${encodeURIComponent(id)}`;
/** The path of the task list, on tab `tab` when given. */
export const taskListPath = (tab?: string) => (tab ? `/tasks?tab=${encodeURIComponent(tab)}` : '/tasks');
/** The path of a task's page. */
export const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;
/** The path of a case's page. */
export const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
/** The path of the start page, with a process preselected when given. */
export const startPath = (processKey?: string) => (processKey ? `/start?process=${encodeURIComponent(processKey)}` : '/start');
/** The path of the auditors' case search. */
export const auditSearchPath = () => '/audit';
/** The path of a case's audit page. */
export const auditCasePath = (id: string) => `/audit/${encodeURIComponent(id)}`;
/** The path of a case's printable audit report. */
export const auditReportPath = (id: string) => `/audit/${encodeURIComponent(id)}/report`;
/** The path of the working-day calendar, at `year` when given. */
export const calendarPath = (year?: number) => (year === undefined ? '/calendar' : `/calendar?year=${year}`);
/** The path of the residents' service desk (服务大厅). */
export const serviceDeskPath = () => '/services';
/** The path of the order page of service (process) `key`. */
export const placeOrderPath = (key: string) => `/services/${encodeURIComponent(key)}`;
/** The path of the resident's orders (我的工单). */
export const myOrdersPath = () => '/my-orders';
/** The path of the volunteers' open orders (可接单). */
export const openOrdersPath = () => '/orders/open';
/** The path of the orders a volunteer holds and has done (我的服务). */
export const myServicesPath = () => '/orders/mine';
