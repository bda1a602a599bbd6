// The OpenAPI document and Swagger UI (swagger-ui-dist, served from node_modules).
import express, { type Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { openApiDocument } from '../http/openapi';
import { type AnyRoute, reply, route } from '../http/route';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sparrow API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', withCredentials: true, persistAuthorization: true });`;

/** Static files of Swagger UI under /docs (mounted before the route table). */
export function swaggerAssets(): Router {
  const router = express.Router();
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use('/docs', express.static(getAbsoluteFSPath(), { index: false, redirect: false, maxAge: '1d' }));
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
