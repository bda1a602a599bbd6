// The app's index.html for the path asked for: the built page with links to the code of the page that path opens (from
// the build's ROUTE_PRELOADS_FILE, written by designer/vite-plugins/routePreloads.mts), so the browser fetches that code
// beside the entry's instead of after it, and the app's dynamic import finds the links there instead of adding them.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { isRootPath, matchRoutePattern, ROUTE_PRELOADS_FILE, type RoutePreload } from '../../contracts/routePatterns.mts';
import type { Logger } from '../../platform/logger';
import { REVALIDATE } from './designerFiles';

/** A value made safe for a double-quoted HTML attribute. */
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The head links of one page's files: module preloads like Vite's own (low priority, as index.html's are), style preloads. */
const linksOf = ({ scripts, styles }: RoutePreload) =>
  [
    ...scripts.map((href) => `<link rel="modulepreload" fetchpriority="low" crossorigin href="${attribute(href)}">`),
    ...styles.map((href) => `<link rel="preload" as="style" href="${attribute(href)}">`),
  ].join('');

/** The built index.html and the route preloads, read again when either file changes (a new build names new files). */
interface Built {
  version: string;
  html: string;
  preloads: RoutePreload[];
  /** index.html with each pattern's links, made on first use. */
  pages: Map<string, string>;
}

/** The preloads of a build, or none when the build has no file of them (an older build); throws, naming it, on a bad one. */
function parsePreloads(text: string | undefined): RoutePreload[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${ROUTE_PRELOADS_FILE} is not JSON (${(error as Error).message})`);
  }
  const valid = (item: unknown): item is RoutePreload => {
    const { pattern, scripts, styles } = (item ?? {}) as Partial<RoutePreload>;
    const strings = (list: unknown) => Array.isArray(list) && list.every((value) => typeof value === 'string');
    return typeof pattern === 'string' && strings(scripts) && strings(styles);
  };
  if (!Array.isArray(parsed) || !parsed.every(valid)) throw new Error(`${ROUTE_PRELOADS_FILE} is not a list of { pattern, scripts, styles }`);
  return parsed;
}

/**
 * Sends the app's index.html, revalidated on every load, with the code of the page `req.path` opens preloaded; a bad
 * preloads file is logged once per build and the page sent without them (the app loads its code itself, only later).
 */
export function sendIndex(dir: string, log: Logger): RequestHandler {
  const indexFile = path.join(path.resolve(dir), 'index.html');
  const preloadsFile = path.join(path.resolve(dir), ROUTE_PRELOADS_FILE);
  let built: Built | undefined;
  const load = async (): Promise<Built> => {
    const [index, preloads] = await Promise.all([fs.stat(indexFile), fs.stat(preloadsFile).catch(() => undefined)]);
    const version = `${index.mtimeMs}:${preloads?.mtimeMs}`;
    if (built?.version !== version) {
      const [html, text] = await Promise.all([fs.readFile(indexFile, 'utf8'), preloads && fs.readFile(preloadsFile, 'utf8')]);
      let routes: RoutePreload[] = [];
      try {
        routes = parsePreloads(text);
      } catch (error) {
        log.error({ err: error, file: preloadsFile }, 'the designer build\'s route preloads are unreadable: pages are sent without them; rebuild the designer');
      }
      built = { version, html, preloads: routes, pages: new Map() };
    }
    return built;
  };
  const pageFor = (current: Built, pathname: string) => {
    // `/` opens the signed-in user's home page, which depends on their roles: the entry's files alone
    const preload = isRootPath(pathname) ? undefined : current.preloads.find((route) => matchRoutePattern(route.pattern, pathname));
    if (!preload) return current.html;
    let page = current.pages.get(preload.pattern);
    if (page === undefined) {
      page = current.html.replace('</head>', `${linksOf(preload)}</head>`);
      current.pages.set(preload.pattern, page);
    }
    return page;
  };
  return (req, res, next) => {
    load().then(
      (current) => {
        res.setHeader('Cache-Control', REVALIDATE);
        // res.send adds an ETag and answers a matching If-None-Match with 304
        res.type('html').send(pageFor(current, req.path));
      },
      (error: unknown) => next(error),
    );
  };
}
