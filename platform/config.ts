// Runtime configuration from the environment, shared by the server and the worker; defaults run the embedded stack.
import { z } from 'zod';
import { messageTtlMs } from './messageTtl';
import { jobTaskQueuesSchema, jobTimeoutsSchema } from './jobRouting';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('sparrow'),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017/sparrow'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** Signs session cookies; required in production. */
  SESSION_SECRET: z.string().min(16).optional(),
  /** Idle lifetime of a session, in hours. */
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  /** Session cookie only over HTTPS (default: on in production). */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Express `trust proxy` (e.g. `1` behind one reverse proxy), so rate limits see the client's address. */
  TRUST_PROXY: z.string().optional(),
  /** How long the API waits for a case to answer an Update, in milliseconds (read by services/updateTimeout.ts). */
  UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** The Ed25519 private key (PKCS#8 PEM) that signs audit exports (read by audit/signingKey.ts). */
  SPARROW_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** The time-to-live of a message published without one (ISO 8601 duration, PT0S to P30D; default PT1H, as Camunda 8's clients). */
  SPARROW_MESSAGE_TTL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const ms = value === undefined ? 0 : messageTtlMs(value);
      if (typeof ms !== 'number') ctx.addIssue({ code: 'custom', message: ms.problem });
    }),
  /** External job types' task queues, a JSON object of type → queue (default `jobs.<type>`; read by platform/jobRouting.ts at deployment). */
  SPARROW_JOB_TASK_QUEUES: jobTaskQueuesSchema,
  /** External job types' attempt timeouts, a JSON object of type → milliseconds (default 5 minutes). */
  SPARROW_JOB_TIMEOUTS: jobTimeoutsSchema,
});

/** Sparrow's settings. */
export type Config = z.infer<typeof schema>;

/** Reads and checks the settings; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The session secret used outside production when SESSION_SECRET is unset. */
export const DEV_SESSION_SECRET = 'sparrow-development-session-secret';

/** The web server's session secret: SESSION_SECRET, required in production (and not the public development value), else the development value. */
export function sessionSecret(config: Config): string {
  const production = config.NODE_ENV === 'production';
  if (production && config.SESSION_SECRET === DEV_SESSION_SECRET) {
    throw new Error('invalid configuration: SESSION_SECRET: the development secret is public; set a secret of your own when NODE_ENV=production');
  }
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (production) throw new Error('invalid configuration: SESSION_SECRET: required when NODE_ENV=production (at least 16 characters)');
  return DEV_SESSION_SECRET;
}
