// What schemathesis checks, in-process for regression tests: an answer's status is documented by its operation in
// /api/openapi.json, with the documented media type.
import type { Express } from 'express';
import request from 'supertest';

type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

/** The served OpenAPI document. */
export async function servedOpenApi(app: Express): Promise<OpenApi> {
  return (await request(app).get('/api/openapi.json').expect(200)).body as OpenApi;
}

/**
 * The problems with `res` as an answer of `method` `path` (an OpenAPI path template such as `/api/tasks/{id}`):
 * an undocumented status, or a media type the status does not document. Empty when it conforms.
 */
export function nonConformance(doc: OpenApi, method: string, path: string, res: { status: number; headers: Record<string, string> }): string[] {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) return [`${method.toUpperCase()} ${path} is not documented`];
  const documented = operation.responses[String(res.status)];
  if (!documented) return [`${method.toUpperCase()} ${path} answered ${res.status}, documented: ${Object.keys(operation.responses).join(', ')}`];
  const type = (res.headers['content-type'] ?? '').split(';')[0].trim();
  const types = Object.keys(documented.content ?? {});
  if (type && types.length && !types.includes(type)) return [`${method.toUpperCase()} ${path} ${res.status} answered ${type}, documented: ${types.join(', ')}`];
  return [];
}
