// The working-day calendar's versions (issue 14): immutable, numbered 1, 2, … by `_id`, each hash-linked to the one
// before — the audit of every change of the calendar (a new package schedule, a local adjustment added or removed).
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import type { WorkCalendar } from '../../contracts/legalTime';

const adjustmentSchema = new Schema(
  {
    date: { type: String, required: true },
    working: { type: Boolean, required: true },
    note: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const changeSchema = new Schema(
  {
    kind: { type: String, enum: ['package', 'adjustment.added', 'adjustment.removed'], required: true },
    date: { type: String },
    working: { type: Boolean },
    note: { type: String },
  },
  { _id: false },
);

const calendarVersionSchema = new Schema(
  {
    /** The version number, 1, 2, …: a version is inserted under the next number, so two servers never fork the line. */
    _id: { type: Number, required: true },
    /** The calendar's own sha256 (WorkCalendar.sha256: what cases carry and their audit names). */
    sha256: { type: String, required: true },
    source: { type: String, required: true },
    /** The WorkCalendar as JSON text. */
    calendarJson: { type: String, required: true },
    /** `chinese-days@x.y.z`: the package the national schedule came from, and sha256 of the data read from it. */
    basePackage: { type: String, required: true },
    baseSha256: { type: String, required: true },
    /** Every local adjustment in force in this version (carried from the version before, one added or removed). */
    adjustments: { type: [adjustmentSchema], default: [] },
    /** What this version changed relative to the one before. */
    change: { type: changeSchema, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    /** The previous version's recordSha256 (null for version 1). */
    prevSha256: { type: String, default: null },
    /** sha256 of this record's canonical JSON (every field above but calendarJson, which `sha256` stands for): the link the next version names. */
    recordSha256: { type: String, required: true },
  },
  { collection: 'calendarVersions', versionKey: false, _id: false },
);

/** The stored calendar versions. */
export const CalendarVersion = model('CalendarVersion', calendarVersionSchema);
/** A stored calendar version. */
export type CalendarVersionDoc = InferSchemaType<typeof calendarVersionSchema>;

/** The newest calendar version's calendar, or null before the server made version 1 (what the worker's `currentCalendar` activity reads). */
export async function readLatestCalendar(): Promise<WorkCalendar | null> {
  const row = await CalendarVersion.findOne({}, { calendarJson: 1 }).sort({ _id: -1 }).lean();
  return row ? (JSON.parse(row.calendarJson) as WorkCalendar) : null;
}
