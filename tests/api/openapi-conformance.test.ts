// Issue 10, API fuzzing (npm run test:fuzz): each answer schemathesis found outside the OpenAPI document, reproduced.
import request from 'supertest';
import { type ApiStack, startApiStack } from '../support/api';
import { nonConformance, servedOpenApi } from '../support/openapiConformance';

describe('answers the OpenAPI document does not describe (found by schemathesis)', () => {
  let stack: ApiStack;
  let doc: Awaited<ReturnType<typeof servedOpenApi>>;
  beforeAll(async () => {
    stack = await startApiStack();
    doc = await servedOpenApi(stack.app);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should document the 401 that a public route answers to an invalid bearer token', async () => {
    // when public routes are called with a token that is unknown (or revoked)
    const docs = await request(stack.app).get('/api/docs').set('Authorization', 'Bearer spw_unknown');
    const key = await request(stack.app).get('/api/audit/signing-key').set('Authorization', 'Bearer spw_unknown');

    // then they answer 401, and the document says so
    expect([docs.status, key.status]).toEqual([401, 401]);
    expect([...nonConformance(doc, 'get', '/api/docs', docs), ...nonConformance(doc, 'get', '/api/audit/signing-key', key)]).toEqual([]);
  });

  it('should document the 422 of a draft that is not BPMN XML', async () => {
    // when an owner autosaves a draft without a definitions element
    const res = await (await stack.as('owner')).put('/api/definitions/street-whistle/draft', { xml: '0', baseVersion: 1 });

    // then it is refused with 422 invalid-bpmn, a documented answer
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid-bpmn');
    expect(nonConformance(doc, 'put', '/api/definitions/{key}/draft', res)).toEqual([]);
  });
});
