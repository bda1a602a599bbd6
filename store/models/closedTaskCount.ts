// Counts of closed tasks (the rows of taskHistory) per street and status, maintained as tasks move to the history
// (store/closedTaskCounts.ts), so a street's completed tasks list with its total without counting years of rows.
import './keyCheck';
import { Schema, model } from 'mongoose';

const closedTaskCountSchema = new Schema(
  {
    /** `<street>|<status>` (closedCountKey). */
    _id: { type: String, required: true },
    street: { type: String, default: null },
    status: { type: String, required: true },
    n: { type: Number, default: 0 },
  },
  { collection: 'closedTaskCounts', versionKey: false, _id: false },
);
closedTaskCountSchema.index({ street: 1 });

/** A maintained count of closed tasks of one street and status. */
export const ClosedTaskCount = model('ClosedTaskCount', closedTaskCountSchema);
