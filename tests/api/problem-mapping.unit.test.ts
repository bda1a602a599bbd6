// Domain errors at the HTTP edge: each kind answers its status and title, and the error's code, detail and extra
// members reach the problem+json body unchanged.
import express from 'express';
import request from 'supertest';
import { conflict, DomainError, type DomainErrorKind, forbidden, invalid, notFound, timedOut, unprocessable } from '../../platform/errors';
import { createLogger } from '../../platform/logger';
import { problemHandler, problemOf } from '../../server/http/problem';

/** An app whose one route throws `error`, answered by the API's problem handler. */
function appThrowing(error: Error) {
  const app = express();
  app.get('/boom', () => {
    throw error;
  });
  app.use(problemHandler(createLogger('test', 'silent')));
  return app;
}

describe('domain errors as problems', () => {
  it.each<[DomainErrorKind, number, string]>([
    ['invalid', 400, 'Bad Request'],
    ['forbidden', 403, 'Forbidden'],
    ['not-found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['unprocessable', 422, 'Unprocessable Content'],
    ['timeout', 504, 'Gateway Timeout'],
  ])('should answer a %s error with %i %s', (kind, status, title) => {
    // when
    const problem = problemOf(new DomainError(kind, 'some-code', 'what happened'));

    // then
    expect(problem).toMatchObject({ status, title, code: 'some-code', detail: 'what happened', extra: {} });
  });

  it('should send a thrown domain error as problem+json with its code, detail and extra members', async () => {
    // when
    const res = await request(appThrowing(conflict('duplicate-business-key', 'a case with business key K already exists', { id: 'p:K' }))).get('/boom');

    // then
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'https://sparrow.local/problems/duplicate-business-key',
      title: 'Conflict',
      status: 409,
      code: 'duplicate-business-key',
      detail: 'a case with business key K already exists',
      id: 'p:K',
    });
  });

  it('should keep the extra members of a timeout (a 5xx) that show no server internals', async () => {
    // when
    const res = await request(appThrowing(timedOut('update-timeout', 'case p:K did not answer within 100 ms', { instanceId: 'p:K', timeoutMs: 100 }))).get('/boom');

    // then
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'update-timeout', title: 'Gateway Timeout', detail: 'case p:K did not answer within 100 ms', instanceId: 'p:K', timeoutMs: 100 });
  });

  it('should build each factory\'s error with its kind and code', () => {
    expect(notFound('case p:K')).toMatchObject({ kind: 'not-found', code: 'not-found', detail: 'case p:K was not found' });
    expect(forbidden('not yours', 'street-out-of-scope')).toMatchObject({ kind: 'forbidden', code: 'street-out-of-scope' });
    expect(unprocessable('invalid-form', 'bad', { errors: [] })).toMatchObject({ kind: 'unprocessable', code: 'invalid-form', extra: { errors: [] } });
    expect(invalid('invalid-update', 'bad payload')).toMatchObject({ kind: 'invalid', code: 'invalid-update' });
  });
});
