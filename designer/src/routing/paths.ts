// The paths of the app's pages, built from their parameters (the route table in ./routes matches them). Pages link to
// each other and read their parameters through this file, never through the route table (which imports every page).

/** The values of a path's `:name` segments. */
export type RouteParams = Record<string, string>;

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
/** The path of the working-day calendar, at `year` when given. */
export const calendarPath = (year?: number) => (year === undefined ? '/calendar' : `/calendar?year=${year}`);
