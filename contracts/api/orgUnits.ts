// Org units as the API answers them.
import { z } from 'zod';
import { ORG_UNIT_KINDS } from '../orgUnitKinds';

/** An org unit. */
export const orgUnitView = z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_UNIT_KINDS), parentId: z.string().nullable(), createdAt: z.string() });
