// Request validation with zod: a failure is a 400 problem listing each field path and what is wrong.
import type { z } from 'zod';
import { HttpProblem } from './problem';

/** Parses `value` with `schema`, or throws a 400 problem naming the invalid fields. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
  throw new HttpProblem(400, 'validation-failed', 'Bad Request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
