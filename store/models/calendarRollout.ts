// The progress of sending a calendar version to the running cases (server/services/calendarRollout.ts): one row per version.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

const calendarRolloutSchema = new Schema(
  {
    /** The calendar version sent. */
    _id: { type: Number, required: true },
    /** Running cases on an older version when the rollout began. */
    total: { type: Number, default: 0 },
    /** Cases that took the version (or had it already), that refused or failed, that closed before it reached them. */
    updated: { type: Number, default: 0 },
    failed: { type: Number, default: 0 },
    skipped: { type: Number, default: 0 },
    /** The last case id (instances `_id`) done: a rollout resumed after a restart goes on after it. */
    lastId: { type: String, default: null },
    /** The server running it holds it until then (renewed each page), so two servers never send the same version at once. */
    leaseUntil: { type: Date, default: null },
    startedAt: { type: Date, required: true },
    /** Set when every page was sent, or when a newer version superseded this one (`supersededBy`). */
    finishedAt: { type: Date, default: null },
    supersededBy: { type: Number, default: null },
  },
  { collection: 'calendarRollouts', versionKey: false, _id: false },
);

/** The stored rollout progress rows. */
export const CalendarRollout = model('CalendarRollout', calendarRolloutSchema);
/** A stored rollout progress row. */
export type CalendarRolloutDoc = InferSchemaType<typeof calendarRolloutSchema>;
