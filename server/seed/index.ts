// Idempotent demo seeding (never in production): creates what is missing, changes nothing that exists.
import { hashPassword } from '../auth/passwords';
import { OrgUnit, User } from '../../store/models';
import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS } from './demoData';

export { DEMO_PASSWORD, DEMO_STREETS, DEMO_USERS } from './demoData';

/** One demo login to print. */
export interface DemoLogin {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
  streets: string[];
}

/** The demo logins (username, password, role, streets). */
export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, displayName: u.displayName, roles: u.roles, streets: u.streets }));
}

/**
 * Inserts the demo org units and users that do not exist yet (keyed by _id with $setOnInsert, so a rerun or a
 * concurrent run changes nothing and an edited user keeps its edits). Returns how many rows were created.
 */
export async function seedDemoData(): Promise<{ orgUnits: number; users: number }> {
  const now = new Date();
  const units = await OrgUnit.bulkWrite(
    DEMO_ORG_UNITS.map((u) => ({ updateOne: { filter: { _id: u.id }, update: { $setOnInsert: { name: u.name, kind: u.kind, parentId: u.parentId, createdAt: now } }, upsert: true } })),
    { ordered: false },
  );
  const existing = new Set((await User.find({ _id: { $in: DEMO_USERS.map((u) => u.username) } }).select({ _id: 1 }).lean()).map((u) => u._id));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.username));
  if (missing.length > 0) {
    // One hash for all demo users: they share the demo password, and hashing 19 times would slow every start.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await User.bulkWrite(
      missing.map((u) => ({
        updateOne: {
          filter: { _id: u.username },
          update: { $setOnInsert: { displayName: u.displayName, passwordHash, roles: u.roles, groups: u.groups, orgUnits: u.orgUnits, streets: u.streets, jobTypes: u.jobTypes, disabled: false, credentialVersion: 0, createdAt: now, updatedAt: now } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
  return { orgUnits: units.upsertedCount, users: missing.length };
}

/** The demo logins as a plain text block for the console. */
export function demoLoginsText(): string {
  const rows = demoLogins();
  const width = Math.max(...rows.map((r) => r.username.length));
  const lines = rows.map((r) => `    ${r.username.padEnd(width)}  ${r.roles.join(',').padEnd(18)}  ${r.streets.join(',').padEnd(7)}  ${r.displayName}`);
  return [`  Demo logins (password for all: ${DEMO_PASSWORD}; not created when NODE_ENV=production):`, ...lines].join('\n');
}
