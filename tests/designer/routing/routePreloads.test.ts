/** @jest-environment jsdom */
// The route table as the build reads it (designer/vite-plugins/routePreloads.mts): every route of the app, with the page
// module it imports, so the server can name each page's code in index.html; and the path matching the app and the
// server share (contracts/routePatterns.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { matchRoutePattern } from '../../../contracts/routePatterns.mts';
import { routePageImports } from '../../../designer/vite-plugins/routePreloads.mts';
import { matchRoute, routes } from '../../../designer/src/routing/routes';
import { ROOT } from '../../support/paths';

const ROUTES_FILE = path.join(ROOT, 'designer/src/routing/routes.ts');

describe('route preloads: the route table as the build reads it', () => {
  it('should find every route of the app\'s table, in its order, each with the page module it imports', () => {
    // when the build reads the route table's source
    const found = routePageImports(fs.readFileSync(ROUTES_FILE, 'utf8'), ROUTES_FILE);

    // then it has the app's routes in the app's order, and the task page's route imports the task page
    expect(found.map((route) => route.pattern)).toEqual(routes.map((route) => route.path));
    expect(found.find((route) => route.pattern === '/tasks/:id')?.specifier).toBe('../pages/Task');
    for (const { specifier } of found) expect(specifier).toMatch(/^\.\.\/pages\/\w+$/);
  });

  it('should refuse a route whose page is not imported by a constant of the file, naming the route', () => {
    // given a table whose second route's page is built inline
    const source = `
      const Tasks = lazyPage(() => import('../pages/TaskList').then((module) => module.TaskList));
      export const routes = [
        { path: '/tasks', menuPath: '/tasks', Page: Tasks },
        { path: '/cases/:id', menuPath: '/tasks', Page: makePage('Case') },
      ];`;

    // when the build reads it, then it stops with the route's pattern
    expect(() => routePageImports(source, 'routes.ts')).toThrow(/route \/cases\/:id is not a constant/);
  });
});

describe('route patterns: one matcher for the app and the server', () => {
  it('should match a path to its pattern with decoded parameters, a trailing slash ignored', () => {
    expect(matchRoutePattern('/tasks/:id', '/tasks/wf-1%2Fuser%20task/')).toEqual({ id: 'wf-1/user task' });
    expect(matchRoutePattern('/tasks', '/tasks')).toEqual({});
  });

  it('should NOT match other segments, an empty parameter, or a parameter that is not valid percent-encoding', () => {
    expect(matchRoutePattern('/tasks/:id', '/tasks')).toBeUndefined();
    expect(matchRoutePattern('/tasks/:id', '/cases/1')).toBeUndefined();
    expect(matchRoutePattern('/tasks/:id', '/tasks//')).toBeUndefined();
    // a path the app is given by hand: it shows "not found" instead of throwing URIError during render
    expect(matchRoutePattern('/tasks/:id', '/tasks/%E0%A4%A')).toBeUndefined();
    expect(matchRoute('/tasks/%E0%A4%A')).toBeUndefined();
  });

  it('should open the home page for / and the most specific route first', () => {
    expect(matchRoute('/')?.route).toBe(routes[0]);
    expect(matchRoute('/processes/new')?.route.path).toBe('/processes/new');
    expect(matchRoute('/processes/p-1/versions')?.params).toEqual({ key: 'p-1' });
  });
});
