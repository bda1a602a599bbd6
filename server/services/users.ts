// Users and org units as the admin routes manage them; password hashes never leave this module's views.
import { hashPassword } from '../auth/passwords';
import { conflict, HttpProblem, notFound } from '../http/problem';
import { ALL_STREETS, OrgUnit, type OrgUnitKind, type Role, User, type UserDoc } from '../models';

/** A user as the API shows it (no password hash). */
export function userView(u: UserDoc) {
  return {
    username: u._id,
    displayName: u.displayName,
    roles: u.roles ?? [],
    groups: u.groups ?? [],
    orgUnits: u.orgUnits ?? [],
    streets: u.streets ?? [],
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
  if (errors.length > 0) throw new HttpProblem(422, 'unknown-org-unit', 'Unprocessable Content', errors.map((e) => e.message).join('; '), { errors });
}

/** Creates a user; an existing username is a 409. */
export async function createUser(username: string, input: UserInput & { displayName: string; password: string }) {
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
      disabled: input.disabled ?? false,
      createdAt: now,
      updatedAt: now,
    });
    return userView(row.toObject() as UserDoc);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('user-exists', `user ${username} already exists`);
    throw error;
  }
}

/** Changes a user's fields (a password is hashed). */
export async function updateUser(username: string, input: UserInput) {
  await checkReferences(input);
  const { password, ...rest } = input;
  const set: Record<string, unknown> = { ...rest, updatedAt: new Date() };
  if (password !== undefined) set.passwordHash = await hashPassword(password);
  const row = (await User.findOneAndUpdate({ _id: username }, { $set: set }, { returnDocument: 'after' }).lean()) as UserDoc | null;
  if (!row) throw notFound(`user ${username}`);
  return userView(row);
}

/** Creates an org unit under an existing parent. */
export async function createOrgUnit(input: { id: string; name: string; kind: OrgUnitKind; parentId?: string | null }) {
  if (input.parentId && !(await OrgUnit.exists({ _id: input.parentId }))) {
    throw new HttpProblem(422, 'unknown-org-unit', 'Unprocessable Content', `parent org unit ${input.parentId} does not exist`);
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
