// The instance summary read model: one row per case, kept current by the workflow's progress activity. Running cases
// (and cases with incidents) live in `instances` (hot); a completed, cancelled or failed case's row moves to
// `instanceHistory` (store/instances.ts moves it).
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { INSTANCE_STATUSES } from '../../contracts/statuses';

/** The fields of a summary row, shared by the hot collection and its history. */
const instanceFields = {
  _id: { type: String, required: true },
  definitionKey: { type: String, required: true },
  definitionVersion: { type: Number, required: true },
  businessKey: { type: String, required: true },
  street: { type: String, default: null },
  status: { type: String, enum: INSTANCE_STATUSES, required: true },
  currentElements: { type: [String], default: [] },
  incidentCount: { type: Number, default: 0 },
  /** Signals and messages the case may wait for now (workflows/waitingEvents.ts); POST /api/signals and /api/messages find their cases by them. */
  waitingSignals: { type: [String], default: [] },
  waitingMessages: { type: [String], default: [] },
  /** A call activity's child case: the calling case and its call activity (null for a case started otherwise). */
  parentInstanceId: { type: String, default: null },
  parentElementId: { type: String, default: null },
  startedBy: { type: String, default: null },
  startedAt: { type: Date, required: true },
  endedAt: { type: Date, default: null },
  /** The case's statutory clocks (ClockState[] as JSON text; null: none started) and its calendar version (legal time). */
  clocksJson: { type: String, default: null },
  calendarVersion: { type: Number, default: null },
  /** Progress counter of the last write, so a late retry never overwrites newer progress. */
  progressSeq: { type: Number, default: 0 },
};

const instanceSchema = new Schema(instanceFields, { collection: 'instances', versionKey: false, _id: false });
instanceSchema.index({ definitionKey: 1, startedAt: -1 });
instanceSchema.index({ status: 1, startedAt: -1 });
instanceSchema.index({ street: 1, startedAt: -1 });
instanceSchema.index({ street: 1, status: 1, startedAt: -1 });
instanceSchema.index({ startedBy: 1, startedAt: -1 });
instanceSchema.index({ businessKey: 1 });
instanceSchema.index({ parentInstanceId: 1 });
instanceSchema.index({ waitingSignals: 1, _id: 1 });
instanceSchema.index({ waitingMessages: 1, _id: 1 });

/** A running case's summary for lists and dashboards (hot). */
export const Instance = model('Instance', instanceSchema);

const historySchema = new Schema(instanceFields, { collection: 'instanceHistory', versionKey: false, _id: false });
historySchema.index({ startedAt: -1, _id: 1 });
historySchema.index({ street: 1, startedAt: -1 });
historySchema.index({ status: 1, startedAt: -1 });
historySchema.index({ definitionKey: 1, startedAt: -1 });
historySchema.index({ startedBy: 1, startedAt: -1 });
historySchema.index({ businessKey: 1 });
historySchema.index({ parentInstanceId: 1 });

/** A closed case's summary (completed, cancelled or failed; cold): same fields, listed newest first by startedAt. */
export const InstanceHistory = model('InstanceHistory', historySchema);
/** A stored instance summary row. */
export type InstanceDoc = InferSchemaType<typeof instanceSchema>;
