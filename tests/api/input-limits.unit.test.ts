// Input bounds at the API without servers: variables (depth, keys, size), business keys, and problem bodies of 5xx.
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { businessKey } from '../../contracts/api/identifiers';
import { BUSINESS_KEY_MAX, identifierProblem } from '../../contracts/identifiers';
import { HttpProblem, problemHandler } from '../../server/http/problem';
import { variables } from '../../server/http/schemas';
import { parseOr400 } from '../../server/http/validate';
import { VARIABLE_LIMITS, variableLimitBreach } from '../../server/http/variables';
import { createLogger } from '../../platform/logger';

/** `{ a: { a: … { a: 1 } } }`, `depth` objects deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i += 1) value = { a: value };
  return value;
}

const problemOf = (fn: () => unknown): HttpProblem => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('no problem was thrown');
};

describe('variable limits', () => {
  const body = z.object({ variables });

  it('should accept variables up to the depth, key and size limits', () => {
    expect(variableLimitBreach(nested(VARIABLE_LIMITS.maxDepth))).toBeNull();
    expect(variableLimitBreach(Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, i])))).toBeNull();
    expect(variableLimitBreach({ text: 'x'.repeat(VARIABLE_LIMITS.maxJsonChars - 20) })).toBeNull();
    expect(parseOr400(body, { variables: { list: [[1, 2], { b: [3] }] } })).toEqual({ variables: { list: [[1, 2], { b: [3] }] } });
  });

  it('should refuse variables nested 4,000 deep with a 400 naming the depth limit and the path, without touching the call stack', () => {
    // when
    const problem = problemOf(() => parseOr400(body, { variables: nested(4_000) }));

    // then
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation-failed');
    const [error] = problem.extra.errors as Array<{ path: string; message: string }>;
    expect(error.path).toBe(['body', 'variables', ...Array.from({ length: VARIABLE_LIMITS.maxDepth }, () => 'a')].join('.'));
    expect(error.message).toBe('nested deeper than 32 levels (the limit of variables)');
  });

  it('should count arrays as levels, and stop a million levels deep in one pass', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i += 1) deep = [deep];
    const breach = variableLimitBreach({ list: deep });
    expect(breach).toEqual({ limit: 'depth', path: ['list', ...Array.from({ length: VARIABLE_LIMITS.maxDepth - 1 }, () => 0)], message: expect.stringContaining('32 levels') });
  });

  it('should refuse more than 1,000 keys in one object and 10,000 keys in all, naming the object', () => {
    const wide = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]));
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, g) => [`g${g}`, Object.fromEntries(Array.from({ length: 999 }, (_, i) => [`k${i}`, i]))]));

    const perObject = problemOf(() => parseOr400(body, { variables: { form: wide } }));
    const total = problemOf(() => parseOr400(body, { variables: many }));

    expect(perObject.extra.errors).toEqual([{ path: 'body.variables.form', message: 'has 1001 keys, over the limit of 1000 per object' }]);
    expect(total.status).toBe(400);
    expect((total.extra.errors as Array<{ message: string }>)[0].message).toBe('brings the keys of the variables over the limit of 10000 in all');
  });

  it('should refuse variables over the engine\'s size limit with a 422 naming the limit', () => {
    // when 1.5 MB of variables arrive
    const problem = problemOf(() => parseOr400(body, { variables: { photo: 'x'.repeat(1_500_000) } }));

    // then
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('variables-too-large');
    expect(problem.extra.limit).toBe(1_000_000);
    expect(problem.detail).toBe('body.variables: are 1500012 characters of JSON, over the limit of 1000000 per case');
  });
});

describe('business keys', () => {
  it.each([
    ['XC-2024-001', 'XC-2024-001'],
    ['京石城管罚〔2024〕12号', '京石城管罚〔2024〕12号'],
    ['案件（一）#3_b.c', '案件（一）#3_b.c'],
    ['Ωμέγα-क्षत्रिय', 'Ωμέγα-क्षत्रिय'],
    ['Cafe\u0301-1', 'Caf\u00e9-1'],
  ])('should accept %j, stored NFC-normalised as %j', (input, stored) => {
    expect(businessKey.parse(input)).toBe(stored);
  });

  it.each([
    ['a\u0000b', 'U+0000', 2],
    ['invoice\u202Efdp.exe', 'U+202E', 8],
    ['a\u200Bb', 'U+200B', 2],
    ['a\u200Db', 'U+200D', 2],
    ['a\uFEFFb', 'U+FEFF', 2],
    ['a\u0007b', 'U+0007', 2],
    ['a\u3164b', 'U+3164', 2],
    ['has space', 'U+0020', 4],
    ['a:b', 'U+003A', 2],
    ['a/b', 'U+002F', 2],
    ['\u0301x', 'U+0301', 1],
    ['a\u{E0041}', 'U+E0041', 2],
  ])('should refuse %j naming %s at position %d', (input, code, position) => {
    expect(identifierProblem(input.normalize('NFC'), BUSINESS_KEY_MAX)).toBe(`character ${code} at position ${position} is not allowed: use letters, digits and - _ . # ( ) （ ） 〔 〕 【 】`);
    const problem = problemOf(() => parseOr400(z.object({ businessKey }), { businessKey: input }));
    expect(problem.extra.errors).toEqual([{ path: 'body.businessKey', message: expect.stringContaining(code) }]);
  });

  it('should bound the length in characters (not UTF-16 units)', () => {
    expect(businessKey.safeParse('中'.repeat(100)).success).toBe(true);
    expect(businessKey.safeParse('𠀀'.repeat(100)).success).toBe(true);
    expect(businessKey.safeParse('中'.repeat(101)).error?.issues.map((i) => i.message)).toEqual(['must be at most 100 characters']);
    expect(businessKey.safeParse('x'.repeat(100_000)).error?.issues.map((i) => i.message)).toEqual(['must be at most 100 characters']);
    expect(businessKey.safeParse('').error?.issues.map((i) => i.message)).toEqual(['is required']);
  });
});

describe('U+0000 anywhere in a request part', () => {
  it.each([
    ['a query filter', 'query', { businessKey: 'XC\u00001' }, 'query.businessKey', 3],
    ['a nested body string', 'body', { variables: { note: ['ok', 'a\u0000'] } }, 'body.variables.note.1', 2],
    ['an object key', 'body', { variables: { 'k\u0000': 1 } }, 'body.variables.k\u0000', 2],
  ])('should refuse %s with a 400 naming where it is (PostgreSQL under FerretDB cannot hold it)', (_name, where, value, path, position) => {
    // when
    const problem = problemOf(() => parseOr400(z.object({}).passthrough(), value, where));

    // then
    expect(problem.status).toBe(400);
    expect(problem.extra.errors).toEqual([{ path, message: `character U+0000 at position ${position} is not allowed in requests` }]);
  });

  it('should pass text without U+0000, escaped or not', () => {
    const value = { text: '京\\u0000 a\tb', list: [1, null, { deep: '中文' }] };
    expect(parseOr400(z.object({}).passthrough(), value, 'query')).toEqual(value);
  });
});

describe('problem bodies of unexpected errors', () => {
  const PATHS = /\/work\/|\/home\/|node_modules|\.ts:\d|\bat \S+ \(|node:internal/;

  function appThrowing(error: () => unknown) {
    const app = express();
    app.get('/boom', () => {
      throw error();
    });
    app.use(problemHandler(createLogger('test', 'silent')));
    return app;
  }

  it.each([
    ['an Error with a path and stack', () => new Error(`ENOENT: no such file, open '${__filename}'`)],
    ['a stack overflow', () => new RangeError('Maximum call stack size exceeded')],
    ['an HttpProblem whose 5xx detail is a stack trace', () => new HttpProblem(500, 'audit-failed', 'Internal Server Error', new Error('boom').stack)],
    ['an HttpProblem whose 5xx detail names a server file', () => new HttpProblem(502, 'upstream', 'Bad Gateway', `failed reading ${__filename}`)],
    ['an HttpProblem whose 5xx extra holds a stack', () => new HttpProblem(500, 'x', 'Internal Server Error', 'failed', { reason: new Error('boom').stack, where: __dirname })],
    ['an HttpProblem whose extra cannot be written as JSON', () => new HttpProblem(500, 'x', 'Internal Server Error', 'failed', { size: BigInt(1) })],
    ['an error with status 500', () => Object.assign(new Error(`at ${__filename}:1:1`), { status: 500, expose: true })],
  ])('should answer %s with a problem+json 5xx that shows no stack trace or server path', async (_name, error) => {
    // when
    const res = await request(appThrowing(error)).get('/boom');

    // then
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: res.status, code: expect.any(String), title: expect.any(String) });
    expect(res.text).not.toMatch(PATHS);
    expect(res.text).not.toContain(path.resolve(__dirname, '../..'));
    expect(res.text).not.toContain('\\n');
  });

  it('should keep a plain 5xx detail and the details of 4xx problems', async () => {
    const plain = await request(appThrowing(() => new HttpProblem(503, 'mongo-unavailable', 'Service Unavailable', 'the database cannot be reached; try again shortly'))).get('/boom');
    const client = await request(appThrowing(() => new HttpProblem(422, 'unknown-street', 'Unprocessable Content', 'a/b/c is not a street'))).get('/boom');
    expect(plain.body.detail).toBe('the database cannot be reached; try again shortly');
    expect(client.body.detail).toBe('a/b/c is not a street');
  });

  it('should name the body limit in a 413', async () => {
    const app = express();
    app.use(express.json({ limit: '1kb' }));
    app.post('/in', (_req, res) => res.end());
    app.use(problemHandler(createLogger('test', 'silent')));
    const res = await request(app).post('/in').set('Content-Type', 'application/json').send(JSON.stringify({ x: 'y'.repeat(2_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload-too-large', limit: 1024, detail: 'the request body is over the limit of 1024 bytes' });
  });
});
