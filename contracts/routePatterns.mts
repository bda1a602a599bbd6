// The web app's path patterns (`/tasks/:id`), matched the same way by the app's router and by the server, which sends
// each page's code along with index.html. An .mts module, as the build's Vite plugin that writes ROUTE_PRELOADS_FILE
// imports it (Vite's config loader takes ES modules by their extension).

/** The values of a path's `:name` segments. */
export type RouteParams = Record<string, string>;

/** Decodes a path segment, or undefined when it is not valid percent-encoding. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Whether `pathname` is the app's root (`/`, trailing slashes ignored), whose page depends on who signs in. */
export const isRootPath = (pathname: string): boolean => pathname.replace(/\/+$/, '') === '';

/**
 * The parameters of `pathname` under `pattern` (a trailing slash ignored), or undefined when it does not match: other
 * segments, an empty or badly encoded `:name` segment.
 */
export function matchRoutePattern(pattern: string, pathname: string): RouteParams | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) {
      const value = have[i] === '' ? undefined : decodeSegment(have[i]);
      if (value === undefined) return undefined;
      params[want[i].slice(1)] = value;
    } else if (want[i] !== have[i]) return undefined;
  }
  return params;
}

/** Where the build writes each page's code for the server to preload (in the build folder; not served). */
export const ROUTE_PRELOADS_FILE = '.vite/route-preloads.json';

/** One page's files beyond the entry's, which index.html names already: its scripts (the page's chunk first) and styles. */
export interface RoutePreload {
  pattern: string;
  scripts: string[];
  styles: string[];
}
