// Users and org units as the admin routes manage them; password hashes never leave this module's views.
import { hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { assertMayManage } from '../auth/userScope';
import type { OrgUnitKind } from '../../contracts/orgUnitKinds';
import type { Role } from '../../contracts/roles';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { ALL_STREETS, OrgUnit, User, type UserDoc } from '../../store/models';

/** A user as the API shows it (no password hash). */
export function userView(u: UserDoc) {
  return {
    username: u._id,
    displayName: u.displayName,
    roles: u.roles ?? [],
    groups: u.groups ?? [],
    orgUnits: u.orgUnits ?? [],
    streets: u.streets ?? [],
    jobTypes: u.jobTypes ?? [],
    disabled: Boolean(u.disabled),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** Fields an admin sets on a user. */
export interface UserInput {
  displayName?: string;
  password?: string;
  roles?: Role[];
  groups?: string[];
  orgUnits?: string[];
  streets?: string[];
  jobTypes?: string[];
  disabled?: boolean;
}

async function checkReferences(input: UserInput): Promise<void> {
  const units = [...new Set([...(input.orgUnits ?? []), ...(input.streets ?? []).filter((s) => s !== ALL_STREETS)])];
  if (units.length === 0) return;
  const found = await OrgUnit.find({ _id: { $in: units } }).lean();
  const byId = new Map(found.map((u) => [u._id, u]));
  const errors = [
    ...(input.orgUnits ?? []).filter((id) => !byId.has(id)).map((id) => ({ path: 'body.orgUnits', message: `unknown org unit ${id}` })),
    ...(input.streets ?? []).filter((id) => id !== ALL_STREETS && byId.get(id)?.kind !== 'street').map((id) => ({ path: 'body.streets', message: `${id} is not a street` })),
  ];
  if (errors.length > 0) throw unprocessable('unknown-org-unit', errors.map((e) => e.message).join('; '), { errors });
}

/** Creates a user as `actor` may (see userScope.ts); an existing username is a 409. */
export async function createUser(actor: Principal, username: string, input: UserInput & { displayName: string; password: string }) {
  assertMayManage(actor, username, null, input);
  await checkReferences(input);
  const now = new Date();
  try {
    const row = await User.create({
      _id: username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles ?? [],
      groups: input.groups ?? [],
      orgUnits: input.orgUnits ?? [],
      streets: input.streets ?? [],
      jobTypes: input.jobTypes ?? [],
      disabled: input.disabled ?? false,
      credentialVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
    return userView(row.toObject() as UserDoc);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('user-exists', `user ${username} already exists`);
    throw error;
  }
}

/** The fields whose change ends the user's sessions and tokens (besides the password). */
const CREDENTIAL_FIELDS = ['roles', 'groups', 'orgUnits', 'streets', 'jobTypes', 'disabled'] as const;

const changesCredentials = (current: UserDoc, input: UserInput): boolean =>
  input.password !== undefined || CREDENTIAL_FIELDS.some((f) => input[f] !== undefined && JSON.stringify(input[f]) !== JSON.stringify(current[f] ?? (f === 'disabled' ? false : [])));

/**
 * Changes a user's fields as `actor` may (see userScope.ts; a password is hashed). A change of credentials raises the
 * credential version, which ends the user's sessions and tokens. The write applies only to the version the checks
 * saw: a user changed meanwhile is a 409.
 */
export async function updateUser(actor: Principal, username: string, input: UserInput) {
  const current = (await User.findById(username).lean()) as UserDoc | null;
  if (!current) throw notFound(`user ${username}`);
  assertMayManage(actor, username, current, input);
  await checkReferences(input);
  const { password, ...rest } = input;
  const set: Record<string, unknown> = { ...rest, updatedAt: new Date() };
  if (password !== undefined) set.passwordHash = await hashPassword(password);
  const seen = current.credentialVersion == null ? { $exists: false } : current.credentialVersion;
  const update = changesCredentials(current, input) ? { $set: set, $inc: { credentialVersion: 1 } } : { $set: set };
  const result = await User.updateOne({ _id: username, credentialVersion: seen }, update);
  if (result.matchedCount !== 1) throw conflict('user-changed', `user ${username} was changed meanwhile; read it again and retry`);
  const row = (await User.findById(username).lean()) as UserDoc | null;
  if (!row) throw notFound(`user ${username}`);
  return userView(row);
}

/** Creates an org unit under an existing parent. */
export async function createOrgUnit(input: { id: string; name: string; kind: OrgUnitKind; parentId?: string | null }) {
  if (input.parentId && !(await OrgUnit.exists({ _id: input.parentId }))) {
    throw unprocessable('unknown-org-unit', `parent org unit ${input.parentId} does not exist`);
  }
  try {
    const row = await OrgUnit.create({ _id: input.id, name: input.name, kind: input.kind, parentId: input.parentId ?? null, createdAt: new Date() });
    return orgUnitView(row.toObject());
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('org-unit-exists', `org unit ${input.id} already exists`);
    throw error;
  }
}

/** An org unit as the API shows it. */
export const orgUnitView = (u: { _id: string; name: string; kind: string; parentId?: string | null; createdAt: Date }) => ({
  id: u._id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId ?? null,
  createdAt: u.createdAt.toISOString(),
});
