// The OpenAPI document and Swagger UI: Sparrow's own page, its initializer, and the two swagger-ui-dist files they load.
import path from 'node:path';
import express, { type Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { openApiDocument } from '../http/openapi';
import { type AnyRoute, reply, route } from '../http/route';

/** The page loads scripts from files only, so it works under the pages' Content-Security-Policy (no inline script). */
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sparrow API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', withCredentials: true, persistAuthorization: true });`;

/** The swagger-ui-dist files the page needs; the package's stock index.html (petstore), initializer and the rest stay unserved. */
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js'];

/** Paths (inside /api) of the docs page and its files: pages, so they get the pages' policy rather than the API sandbox. */
export const DOCS_PATHS = /^\/docs(\/|$)/;

/** The initializer and the allowed Swagger UI files under /docs (mounted before the route table). */
export function swaggerAssets(): Router {
  const router = express.Router();
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  for (const asset of ASSETS) {
    router.get(`/docs/${asset}`, (_req, res, next) => res.sendFile(path.join(getAbsoluteFSPath(), asset), { maxAge: '1d' }, (err) => err && next(err)));
  }
  return router;
}

/** GET /openapi.json and GET /docs; `all` returns the full route table (these two included). */
export function docsRoutes(all: () => AnyRoute[]): AnyRoute[] {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return [
    route({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'docs',
      access: 'public',
      responses: { 200: { description: 'the OpenAPI document', contentType: 'application/json' } },
      handler: async () => {
        document ??= openApiDocument(all(), { version: '0.1.0' });
        return reply(200, document);
      },
    }),
    route({
      method: 'get',
      path: '/docs',
      summary: 'Swagger UI for this API',
      tag: 'docs',
      access: 'public',
      responses: { 200: { description: 'an HTML page', contentType: 'text/html' } },
      handler: async () => reply(200, PAGE, 'text/html'),
    }),
  ];
}
