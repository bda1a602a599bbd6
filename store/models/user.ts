// Users: who may sign in, their roles, groups and the streets (属地) whose cases they see.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { ROLES } from '../../contracts/roles';
/** In `streets`, the district-wide scope: every street and cases with no street. */
export const ALL_STREETS = '*';
/** In `jobTypes`, every job type. */
export const ALL_JOB_TYPES = '*';

const userSchema = new Schema(
  {
    /** The username: lookups are by _id, the one indexed path FerretDB v1 filters without a scan. */
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    /** argon2id PHC string. */
    passwordHash: { type: String, required: true },
    roles: { type: [String], enum: ROLES, default: [] },
    /** Candidate groups the user belongs to (besides roles and org units, which count as groups too). */
    groups: { type: [String], default: [] },
    orgUnits: { type: [String], default: [] },
    /** Street org-unit ids whose cases and tasks the user sees; `*` for the whole district. */
    streets: { type: [String], default: [] },
    /** Job types a `job-worker` may run through the REST job API; `*` for every type. */
    jobTypes: { type: [String], default: [] },
    disabled: { type: Boolean, default: false },
    /**
     * Raised on every change of password, roles, streets, groups, org units, job types or `disabled`; sessions and API tokens
     * carry the version they were made under and end when it moves on. Missing on older rows: version 0.
     */
    credentialVersion: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false, _id: false },
);
userSchema.index({ roles: 1 });
userSchema.index({ streets: 1 });

/** A person who signs in. */
export const User = model('User', userSchema);
/** A stored user row. */
export type UserDoc = InferSchemaType<typeof userSchema> & { _id: string };
/** The credential version of a stored user (0 for rows stored before versions existed). */
export const credentialVersionOf = (u: { credentialVersion?: number | null }): number => u.credentialVersion ?? 0;
