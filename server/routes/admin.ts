// Org units and users: everyone reads the org tree; admins manage it and the users of their streets (auditors read them).
import { z } from 'zod';
import { assertMayRead, userListScope } from '../auth/userScope';
import { type AnyRoute, reply, route } from '../http/route';
import { pageWindow } from '../http/schemas';
import { pageOf, paging } from '../../contracts/api/common';
import { orgUnitView as orgUnitSchema } from '../../contracts/api/orgUnits';
import { jobTypeName } from '../../contracts/api/jobs';
import { userView as userSchema } from '../../contracts/api/users';
import { ORG_UNIT_KINDS } from '../../contracts/orgUnitKinds';
import { ADMINS, EVERY_ROLE, ROLES, USER_READERS } from '../../contracts/roles';
import { notFound } from '../../platform/errors';
import { OrgUnit, User, type UserDoc } from '../../store/models';
import { createOrgUnit, createUser, orgUnitView, updateUser, userView } from '../services/users';

const code = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');
const userFields = {
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'at least 10 characters').max(500),
  roles: z.array(z.enum(ROLES)),
  groups: z.array(z.string().min(1).max(100)),
  orgUnits: z.array(z.string().min(1).max(100)),
  streets: z.array(z.string().min(1).max(100)),
  jobTypes: z.array(jobTypeName).max(100).describe('job types a job-worker may run (`*`: all)'),
  disabled: z.boolean(),
};
const usernameParam = z.object({ username: code });

/** The org-unit and user routes. */
export function adminRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/org-units',
      summary: 'The org-unit tree as a flat list (parentId links), filterable by kind and parent',
      tag: 'org units',
      access: EVERY_ROLE,
      query: z.object({ kind: z.enum(ORG_UNIT_KINDS).optional(), parentId: z.string().optional() }),
      responses: { 200: { description: 'org units', schema: z.object({ items: z.array(orgUnitSchema) }) } },
      handler: async ({ query }) => {
        const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
        const rows = await OrgUnit.find(filter).sort({ _id: 1 }).lean();
        return { items: rows.map(orgUnitView) };
      },
    }),
    route({
      method: 'post',
      path: '/org-units',
      summary: 'Creates an org unit',
      tag: 'org units',
      access: ADMINS,
      body: z.object({ id: code, name: z.string().trim().min(1).max(200), kind: z.enum(ORG_UNIT_KINDS), parentId: z.string().nullish() }),
      responses: { 201: { description: 'the org unit', schema: orgUnitSchema } },
      problems: [409, 422],
      handler: async ({ body }) => reply(201, await createOrgUnit(body)),
    }),
    route({
      method: 'patch',
      path: '/org-units/:id',
      summary: 'Renames an org unit',
      tag: 'org units',
      access: ADMINS,
      params: z.object({ id: code }),
      body: z.object({ name: z.string().trim().min(1).max(200) }),
      responses: { 200: { description: 'the org unit', schema: orgUnitSchema } },
      problems: [404],
      handler: async ({ params, body }) => {
        const row = await OrgUnit.findOneAndUpdate({ _id: params.id }, { $set: { name: body.name } }, { returnDocument: 'after' }).lean();
        if (!row) throw notFound(`org unit ${params.id}`);
        return orgUnitView(row);
      },
    }),
    route({
      method: 'get',
      path: '/users',
      summary: "Lists the users of the caller's streets (all for the district), filterable by role and street",
      tag: 'users',
      access: USER_READERS,
      query: z.object({ role: z.enum(ROLES).optional(), street: z.string().optional(), ...paging }),
      responses: { 200: { description: 'users', schema: pageOf(userSchema) } },
      handler: async ({ query, user }) => {
        const filter: Record<string, unknown> = { ...userListScope(user) };
        if (query.role) filter.roles = query.role;
        if (query.street) filter.$and = [{ streets: query.street }];
        const { skip, limit } = pageWindow(query);
        const [rows, total] = await Promise.all([User.find(filter).sort({ _id: 1 }).skip(skip).limit(limit).lean(), User.countDocuments(filter)]);
        return { items: (rows as UserDoc[]).map(userView), page: query.page, size: query.size, total };
      },
    }),
    route({
      method: 'get',
      path: '/users/:username',
      summary: "One user (403 street-out-of-scope when not all its streets are the caller's)",
      tag: 'users',
      access: USER_READERS,
      params: usernameParam,
      responses: { 200: { description: 'the user', schema: userSchema } },
      problems: [404],
      handler: async ({ params, user }) => {
        const row = (await User.findById(params.username).lean()) as UserDoc | null;
        if (!row) throw notFound(`user ${params.username}`);
        assertMayRead(user, row._id, row);
        return userView(row);
      },
    }),
    route({
      method: 'post',
      path: '/users',
      summary: 'Creates a user: a street admin only in its own streets, and only a district admin grants the role admin or street *',
      tag: 'users',
      access: ADMINS,
      body: z.object({ username: code, ...userFields, roles: userFields.roles.default([]), groups: userFields.groups.default([]), orgUnits: userFields.orgUnits.default([]), streets: userFields.streets.default([]), jobTypes: userFields.jobTypes.default([]), disabled: userFields.disabled.default(false) }),
      responses: { 201: { description: 'the user', schema: userSchema } },
      problems: [409, 422],
      handler: async ({ body, user }) => {
        const { username, ...rest } = body;
        return reply(201, await createUser(user, username, rest));
      },
    }),
    route({
      method: 'patch',
      path: '/users/:username',
      summary: 'Changes a user of the caller\'s streets: display name, password, roles, groups, org units, streets (not one\'s own), job types, disabled; a credential change ends its sessions and tokens',
      tag: 'users',
      access: ADMINS,
      params: usernameParam,
      body: z.object(userFields).partial(),
      responses: { 200: { description: 'the user', schema: userSchema } },
      problems: [404, 409, 422],
      handler: async ({ params, body, user }) => updateUser(user, params.username, body),
    }),
  ];
}
