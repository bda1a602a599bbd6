// Request validation with zod: a failure is a 400 problem listing each field path and what is wrong.
import type { z } from 'zod';
import { MAX_REQUEST_DEPTH, tooDeepPath } from './jsonDepth';
import { nulCharacterAt } from './nulCharacters';
import { HttpProblem } from './problem';

/** A problem other than the 400 that a failed check stands for (e.g. a 422 for a size limit), carried in a zod issue's params. */
export interface IssueProblem {
  status: number;
  code: string;
  title: string;
  extra?: Record<string, unknown>;
}

/** The params of a custom zod issue that makes parseOr400 answer `problem` instead of the 400. */
export const issueProblem = (problem: IssueProblem) => ({ problem });

const problemOf = (issue: z.core.$ZodIssue): IssueProblem | undefined => (issue as { params?: { problem?: IssueProblem } }).params?.problem;

/** Parses `value` with `schema`, or throws a 400 problem naming the invalid fields (or the problem an issue carries); nothing nested deeper than MAX_REQUEST_DEPTH and no U+0000 (PostgreSQL cannot hold it) passes. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    const deep = tooDeepPath(result.data);
    const nul = deep ? null : nulCharacterAt(result.data);
    if (!deep && !nul) return result.data;
    const errors = deep
      ? [{ path: [where, ...deep.map(String)].join('.'), message: `nested deeper than ${MAX_REQUEST_DEPTH} levels (the limit of requests)` }]
      : [{ path: [where, ...(nul?.path ?? []).map(String)].join('.'), message: `character U+0000 at position ${nul?.position} is not allowed in requests` }];
    throw new HttpProblem(400, 'validation-failed', 'Bad Request', `${errors[0].path}: ${errors[0].message}`, { errors });
  }
  const errors = result.error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  const special = result.error.issues.map(problemOf).find((p) => p !== undefined);
  if (special) throw new HttpProblem(special.status, special.code, special.title, detail, { ...special.extra, errors });
  throw new HttpProblem(400, 'validation-failed', 'Bad Request', detail, { errors });
}
