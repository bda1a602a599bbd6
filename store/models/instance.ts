// The instance summary read model: one row per case, kept current by the workflow's progress activity.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { INSTANCE_STATUSES } from '../../contracts/statuses';

const instanceSchema = new Schema(
  {
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
  },
  { collection: 'instances', versionKey: false, _id: false },
);
instanceSchema.index({ definitionKey: 1, startedAt: -1 });
instanceSchema.index({ status: 1, startedAt: -1 });
instanceSchema.index({ street: 1, startedAt: -1 });
instanceSchema.index({ street: 1, status: 1, startedAt: -1 });
instanceSchema.index({ startedBy: 1, startedAt: -1 });
instanceSchema.index({ businessKey: 1 });
instanceSchema.index({ parentInstanceId: 1 });
instanceSchema.index({ waitingSignals: 1, _id: 1 });

/** A case's summary for lists and dashboards. */
export const Instance = model('Instance', instanceSchema);
/** A stored instance summary row. */
export type InstanceDoc = InferSchemaType<typeof instanceSchema>;
