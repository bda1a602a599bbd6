// The OpenAPI 3.1 document, generated from the route table's zod schemas (z.toJSONSchema, JSON Schema 2020-12).
import { z } from 'zod';
import { type AnyRoute, routeName } from './route';
import { problemSchema } from '../../contracts/api/common';

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Invalid request: `errors` lists each field path',
  401: 'Not signed in, or an invalid bearer token',
  403: 'The caller\'s role may not do this, or the CSRF token is missing',
  404: 'Unknown, or outside the caller\'s streets',
  409: 'Conflicts with the current state',
  413: 'Body over the size limit',
  415: 'Body is not JSON',
  422: 'Unprocessable: BPMN, form or reference problems',
  429: 'Too many attempts',
  500: 'Unexpected server error (logged, no details)',
  503: 'Temporal or MongoDB cannot be reached',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema || !(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const s = jsonSchema(field, 'input');
    return { name, in: where, required: where === 'path' || !optional(field), ...(s.description ? { description: s.description } : {}), schema: s };
  });
}

const operationId = (r: AnyRoute) =>
  [r.method, ...r.path.split('/').filter(Boolean).map((part) => part.replace(/^:/, 'by-'))]
    .join('-')
    .replace(/-([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());

/** Builds the OpenAPI 3.1 document of the given routes (mounted under /api). */
export function openApiDocument(routes: AnyRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
    // 401 on every route: an invalid bearer token is refused before any route, public ones included.
    const statuses = new Set<number>([401, 500, 503, ...(r.problems ?? [])]);
    if (r.params || r.query || r.body || r.idempotent) statuses.add(400);
    if (r.access !== 'public') statuses.add(403);
    if (r.body) [413, 415].forEach((s) => statuses.add(s));
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(r.responses)) {
      const content = answer.contentType
        ? { [answer.contentType]: { schema: { type: 'string' } } }
        : answer.schema
          ? { 'application/json': { schema: jsonSchema(answer.schema, 'output') } }
          : undefined;
      responses[status] = { description: answer.description, ...(content ? { content } : {}) };
    }
    for (const status of [...statuses].sort()) {
      responses[status] = { description: PROBLEM_TITLES[status] ?? 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    const headers = r.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'same key and body: the first answer is replayed; same key, other body: 422', schema: { type: 'string', maxLength: 200 } }]
      : [];
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: operationId(r),
      summary: r.summary,
      tags: [r.tag],
      'x-sparrow-access': r.access,
      'x-sparrow-route': routeName(r),
      security: r.access === 'public' ? [] : [{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }],
      parameters: [...parameters('path', r.params), ...parameters('query', r.query), ...headers],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sparrow API',
      version: info.version,
      description:
        'BPMN cases for grassroots urban governance. Sign in with POST /api/auth/login (session cookie; send the returned csrfToken as X-CSRF-Token on POST/PUT/PATCH/DELETE) or use a bearer token from POST /api/me/tokens. Errors are application/problem+json with a stable `code`. Cases and tasks outside the caller\'s streets answer 404.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sparrow.sid' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'an API token from POST /api/me/tokens' },
      },
    },
  };
}
