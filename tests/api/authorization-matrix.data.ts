// The authorization matrix: for every API route, which roles may call it and what a user of the other street gets.
// The test (authorization-matrix.test.ts) calls each route as the demo user of each role in street bajiao, and as
// the same role in street lugu against bajiao's data, and compares the answers with this table.
import { ROLES, type Role } from '../../contracts/roles';

/** What a user of the other street gets for bajiao's data. */
export type OtherStreet =
  /** a 404, as for an unknown id */
  | 'not-found'
  /** a 200 list without bajiao's rows */
  | 'not-listed'
  /** a 403 `street-out-of-scope` (starting a case in a street not one's own; reading or managing its users) */
  | 'forbidden'
  /** a 200 broadcast that reached none of bajiao's cases (`delivered: 0`) */
  | 'not-delivered'
  /** not street-scoped (definitions, forms, org units, the caller's own data) */
  | 'unscoped';

/** The expectation for one route. */
export interface MatrixRow {
  /** Roles allowed (2xx); every other role gets 403 `forbidden`. `public` routes need no sign-in; `every-role`: every person's role (EVERY_ROLE: not job-worker). */
  allow: readonly Role[] | 'public' | 'every-role';
  /** Allowed roles that still see nothing of the fixture (volunteers and residents see only their own cases): 404. */
  hidden?: readonly Role[];
  otherStreet: OtherStreet;
}

const ALL: MatrixRow['allow'] = 'every-role';
/** Every signed-in account, job workers included (their own account, sign-out, tokens). */
const SIGNED_IN: MatrixRow['allow'] = ROLES;

/** Route (`METHOD /path` as in the route table) → expectation. */
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  'POST /auth/login': { allow: 'public', otherStreet: 'unscoped' },
  'POST /auth/logout': { allow: SIGNED_IN, otherStreet: 'unscoped' },
  'GET /auth/csrf': { allow: SIGNED_IN, otherStreet: 'unscoped' },
  'GET /me': { allow: SIGNED_IN, otherStreet: 'unscoped' },
  'GET /me/tokens': { allow: SIGNED_IN, otherStreet: 'unscoped' },
  'POST /me/tokens': { allow: SIGNED_IN, otherStreet: 'unscoped' },
  'DELETE /me/tokens/:id': { allow: SIGNED_IN, otherStreet: 'unscoped' },

  'POST /deployments': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/versions': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/versions/:version': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/versions/:version/xml': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/versions/:version/model': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/diff': { allow: ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/draft': { allow: ['process-owner', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'PUT /definitions/:key/draft': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },
  'DELETE /definitions/:key/draft': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },
  'GET /drafts': { allow: ['process-owner', 'auditor', 'admin'], otherStreet: 'unscoped' },
  'GET /definitions/:key/start': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'admin'], otherStreet: 'unscoped' },
  'GET /people': { allow: ALL, otherStreet: 'unscoped' },
  'GET /people/search': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },
  'POST /definitions/:key/retire': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },

  'GET /forms': { allow: ALL, otherStreet: 'unscoped' },
  'GET /forms/:id': { allow: ALL, otherStreet: 'unscoped' },
  'PUT /forms/:id': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },

  'POST /instances': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'admin'], otherStreet: 'forbidden' },
  'GET /instances': { allow: ALL, otherStreet: 'not-listed' },
  'GET /me/cases': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'admin'], otherStreet: 'not-listed' },
  'GET /instances/:id': { allow: ALL, hidden: ['volunteer', 'resident'], otherStreet: 'not-found' },
  'POST /instances/:id/cancel': { allow: ['street-commander', 'admin'], otherStreet: 'not-found' },
  'POST /instances/:id/incidents/:incidentId/resolve': { allow: ['street-commander', 'process-owner', 'admin'], otherStreet: 'not-found' },
  'PATCH /instances/:id/variables': { allow: ['street-commander', 'admin'], otherStreet: 'not-found' },
  // statutory clocks (server/routes/clocks.ts): commanders and admins, the others only for a clock whose approvers name them
  // (the fixture's 公示期 names enforcement, liaison and process-owner)
  'POST /instances/:id/clocks/:name/suspend': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'process-owner', 'admin'], otherStreet: 'not-found' },
  'POST /instances/:id/clocks/:name/resume': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'process-owner', 'admin'], otherStreet: 'not-found' },
  'POST /instances/:id/clocks/:name/extend': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'process-owner', 'admin'], otherStreet: 'not-found' },
  'POST /messages': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'admin'], otherStreet: 'not-found' },
  'POST /signals': { allow: ['street-commander', 'admin'], otherStreet: 'not-delivered' },

  // audit (server/routes/audit.ts): read-only checks of the cases of one's streets
  'GET /instances/:id/audit': { allow: ['street-commander', 'process-owner', 'auditor', 'admin'], otherStreet: 'not-found' },
  'POST /instances/:id/audit/verify': { allow: ['street-commander', 'process-owner', 'auditor', 'admin'], otherStreet: 'not-found' },
  'GET /instances/:id/history': { allow: ['street-commander', 'process-owner', 'auditor', 'admin'], otherStreet: 'not-found' },
  'POST /instances/:id/replay-check': { allow: ['street-commander', 'process-owner', 'auditor', 'admin'], otherStreet: 'not-found' },
  'GET /instances/:id/export': { allow: ['street-commander', 'process-owner', 'auditor', 'admin'], otherStreet: 'not-found' },
  // the server's signing key is public; the signed head of the global ledger spans every street
  'GET /audit/signing-key': { allow: 'public', otherStreet: 'unscoped' },
  'GET /audit/ledger/head': { allow: ['auditor', 'admin'], otherStreet: 'unscoped' },

  'GET /tasks': { allow: ALL, otherStreet: 'not-listed' },
  'GET /tasks/counts': { allow: ALL, otherStreet: 'unscoped' },
  'GET /tasks/:id': { allow: ALL, otherStreet: 'not-found' },
  'POST /tasks/:id/claim': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin'], otherStreet: 'not-found' },
  'POST /tasks/:id/unclaim': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin'], otherStreet: 'not-found' },
  'POST /tasks/:id/assign': { allow: ['street-commander', 'admin'], otherStreet: 'not-found' },
  'POST /tasks/:id/complete': { allow: ['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin'], otherStreet: 'not-found' },

  'GET /org-units': { allow: ALL, otherStreet: 'unscoped' },
  'POST /org-units': { allow: ['admin'], otherStreet: 'unscoped' },
  'PATCH /org-units/:id': { allow: ['admin'], otherStreet: 'unscoped' },
  // users (server/routes/admin.ts): a street's admin and auditor reach only its users (user-admin-scope.test.ts checks the list)
  'GET /users': { allow: ['admin', 'auditor'], otherStreet: 'not-listed' },
  'GET /users/:username': { allow: ['admin', 'auditor'], otherStreet: 'forbidden' },
  'POST /users': { allow: ['admin'], otherStreet: 'forbidden' },
  'PATCH /users/:username': { allow: ['admin'], otherStreet: 'forbidden' },
  // the HTTP connector's settings (server/routes/httpConnector.ts): district-wide, admins only
  'GET /admin/http-connector': { allow: ['admin'], otherStreet: 'unscoped' },
  'PUT /admin/http-connector': { allow: ['admin'], otherStreet: 'unscoped' },
  // case event webhooks (server/routes/webhooks.ts): admins, a street admin only for its streets (webhooks.test.ts checks the list)
  'GET /admin/webhooks': { allow: ['admin'], otherStreet: 'not-listed' },
  'POST /admin/webhooks': { allow: ['admin'], otherStreet: 'forbidden' },
  'PATCH /admin/webhooks/:id': { allow: ['admin'], otherStreet: 'not-found' },
  'DELETE /admin/webhooks/:id': { allow: ['admin'], otherStreet: 'not-found' },
  'GET /admin/webhooks/:id/deliveries': { allow: ['admin'], otherStreet: 'not-found' },
  'POST /admin/webhooks/:id/deliveries/:deliveryId/retry': { allow: ['admin'], otherStreet: 'not-found' },

  // the working-day calendar (server/routes/calendar.ts): everyone reads the days, admins change them, auditors read the versions
  'GET /calendar': { allow: ALL, otherStreet: 'unscoped' },
  'GET /calendar/versions': { allow: ['auditor', 'admin'], otherStreet: 'unscoped' },
  'POST /calendar/adjustments': { allow: ['admin'], otherStreet: 'unscoped' },
  'DELETE /calendar/adjustments/:date': { allow: ['admin'], otherStreet: 'unscoped' },
  'GET /calendar/rollout': { allow: ['admin'], otherStreet: 'unscoped' },

  // the REST job API (server/routes/jobs.ts): job-worker accounts, scoped to job types (job-api.test.ts), not to streets
  'POST /jobs/activation': { allow: ['job-worker'], otherStreet: 'unscoped' },
  'POST /jobs/:jobKey/completion': { allow: ['job-worker'], otherStreet: 'unscoped' },
  'POST /jobs/:jobKey/failure': { allow: ['job-worker'], otherStreet: 'unscoped' },
  'POST /jobs/:jobKey/error': { allow: ['job-worker'], otherStreet: 'unscoped' },
  'GET /job-types': { allow: ['process-owner', 'admin'], otherStreet: 'unscoped' },

  'GET /openapi.json': { allow: 'public', otherStreet: 'unscoped' },
  'GET /docs': { allow: 'public', otherStreet: 'unscoped' },
};
