// Form versions as the API answers them.
import { z } from 'zod';

/** A form version. */
export const formView = z.object({ id: z.string(), version: z.number().int(), name: z.string().nullable(), sha256: z.string(), savedBy: z.string(), savedAt: z.string(), schema: z.unknown() });
