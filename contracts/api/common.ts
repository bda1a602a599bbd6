// zod schemas every resource of the API shares: paging, ids in paths, list answers, problem bodies and compiler findings.
import { z } from 'zod';

/** Page/size paging of list queries (page from 1, size up to 200). */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
};

/** A query flag: `true` or `false`. */
export const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A list answer with paging. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number().int(), size: z.number().int(), total: z.number().int() });

/** An id in a path. */
export const idParam = z.object({ id: z.string().min(1).max(500) });
/** A definition key in a path. */
export const keyParam = z.object({ key: z.string().min(1).max(200) });
/** A definition key and version in a path. */
export const versionParams = z.object({ key: z.string().min(1).max(200), version: z.coerce.number().int().min(1) });

/** The RFC 9457 problem body. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable machine-readable code'),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose();

/** A compiler finding: the element it concerns (when there is one) and what is wrong. */
export const modelProblem = z.object({ elementId: z.string().optional(), code: z.string(), message: z.string() });
/** One compiler finding, as deployments and versions answer it. */
export type ModelProblem = z.output<typeof modelProblem>;
