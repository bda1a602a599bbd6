// The signed-in user and users as admins see them.
import { z } from 'zod';
import { ROLES } from '../roles';

/** Who a user is and what they may reach: shared by the signed-in view and the admin view. */
const userIdentity = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  groups: z.array(z.string()),
  orgUnits: z.array(z.string()),
  streets: z.array(z.string()),
  jobTypes: z.array(z.string()).describe('job types a job-worker may run through the REST job API (`*`: all)'),
});

/** The signed-in user. */
export const meView = userIdentity.extend({
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
});

/** A user as admins see it. */
export const userView = userIdentity.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Display names for usernames a page names (`GET /api/people`). */
export const displayNameList = z.object({ items: z.array(z.object({ username: z.string(), displayName: z.string() })) });
