// Task claim steps: one row per change of a task's holder, keyed `<taskId>#<seq>`, so concurrent claims serialize.
import { Schema, model } from 'mongoose';

const taskClaimSchema = new Schema(
  {
    /** `<taskId>#<seq>`: the insert of step `seq` succeeds once, which makes a claim atomic even on FerretDB v1. */
    _id: { type: String, required: true },
    taskId: { type: String, required: true },
    seq: { type: Number, required: true },
    action: { type: String, enum: ['claim', 'unclaim', 'assign'], required: true },
    assignee: { type: String, default: null },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'taskClaims', versionKey: false, _id: false },
);
taskClaimSchema.index({ taskId: 1, seq: 1 });

/** One change of a task's holder (also the claim history of the task). */
export const TaskClaim = model('TaskClaim', taskClaimSchema);
