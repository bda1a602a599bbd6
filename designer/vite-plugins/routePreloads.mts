// Vite plugin: writes .vite/route-preloads.json, each route pattern of the app's route table (designer/src/routing/
// routes.ts) with the files its page's code needs beyond the entry's, so the server names them in index.html for the
// page a URL opens (server/http/indexPage.ts). The browser then fetches the page's code with the entry's instead of
// after it, and the entry's dynamic import finds the links there and adds none (adding them was a 15–50 ms task on a
// phone). Its route-table reader runs under jest too (jest.config.js transforms .mts files).
import fs from 'node:fs';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { ROUTE_PRELOADS_FILE, type RoutePreload } from '../../contracts/routePatterns.mts';

/** A route of the table: its path pattern and the specifier its page's code is imported from. */
export interface RoutePageImport {
  pattern: string;
  specifier: string;
}

/** The string literal of the first `import('…')` inside `node`, if any. */
function dynamicImportIn(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [argument] = node.arguments;
    return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
  }
  return ts.forEachChild(node, dynamicImportIn);
}

/** The initializer of property `name` of an object literal, if it has one. */
function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const property = object.properties.find((candidate) => ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === name);
  return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

/**
 * The routes of a route table's source: every object literal with a string `path` and a `Page` that names a constant of
 * the file whose initializer imports the page (`const TaskPage = lazyPage(() => import('../pages/Task')…)`). Throws,
 * naming the route, when a route's `Page` is anything else: the build must not drop a page's preloads silently.
 */
export function routePageImports(source: string, fileName: string): RoutePageImport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const importOf = new Map<string, string | undefined>();
  const routes: { pattern: string; page: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) importOf.set(node.name.text, dynamicImportIn(node.initializer));
    if (ts.isObjectLiteralExpression(node)) {
      const path = propertyOf(node, 'path');
      const page = propertyOf(node, 'Page');
      if (path && ts.isStringLiteral(path) && page) routes.push({ pattern: path.text, page });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return routes.map(({ pattern, page }) => {
    const specifier = ts.isIdentifier(page) ? importOf.get(page.text) : undefined;
    if (!specifier) throw new Error(`${fileName}: the Page of route ${pattern} is not a constant of this file that imports its page with import('…')`);
    return { pattern, specifier };
  });
}

/** Emits ROUTE_PRELOADS_FILE for the route table in `routesFile`. */
export function routePreloads(routesFile: string): Plugin {
  let base = '/';
  return {
    name: 'sparrow-route-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      /** The files statically imported from `fileName`, itself included. */
      const closure = (fileName: string, seen = new Set<string>()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const next of byFile.get(fileName)?.imports ?? []) closure(next, seen);
        return seen;
      };
      const entries = chunks.filter((chunk) => chunk.isEntry);
      const initial = new Set(entries.flatMap((chunk) => [...closure(chunk.fileName)]));
      const preloads: RoutePreload[] = [];
      for (const { pattern, specifier } of routePageImports(fs.readFileSync(routesFile, 'utf8'), routesFile)) {
        const id = (await this.resolve(specifier, routesFile))?.id;
        const page = chunks.find((chunk) => chunk.facadeModuleId === id);
        if (!page) this.error(`${routesFile}: route ${pattern} imports ${specifier}, which has no chunk of its own in the build`);
        const files = [...closure(page.fileName)].filter((file) => !initial.has(file));
        preloads.push({
          pattern,
          scripts: files.map((file) => base + file),
          styles: [...new Set(files.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]))].map((file) => base + file),
        });
      }
      this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: JSON.stringify(preloads) });
    },
  };
}
