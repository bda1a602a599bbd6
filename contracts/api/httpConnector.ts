// The HTTP connector's settings as the admin API reads and writes them (GET/PUT /api/admin/http-connector).
import { z } from 'zod';
import { parseHostPattern } from '../httpConnector';

/** An allowed host entry (contracts/httpConnector.ts's grammar). */
const hostEntry = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .superRefine((entry, ctx) => {
    try {
      parseHostPattern(entry);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/** What an admin sets: the hosts the connector may call, and the names, addresses or ranges whose non-public addresses it may reach. */
export const httpConnectorSettingsBody = z.object({
  hosts: z.array(hostEntry).max(500).describe('hosts sparrow.http may call: name, *.domain, IPv4 or [IPv6], optional :port or :* (none: the default port); empty: none'),
  nonPublic: z
    .array(z.string().trim().min(1).max(300))
    .max(500)
    .describe('host names, addresses or CIDR ranges whose loopback, private, link-local or other non-public addresses it may reach (refused otherwise)'),
});

/** The settings as stored, with who set them last and when (null: never). */
export const httpConnectorSettingsView = httpConnectorSettingsBody.extend({
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** The HTTP connector's settings. */
export type HttpConnectorSettingsView = z.infer<typeof httpConnectorSettingsView>;
