// The task list's tab counts, maintained as the hot tasks change (store/tasks.ts): one row per count key.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

/** What a count row counts: a street's open tasks, one assignee's, or the unassigned ones of one set of candidates. */
export const TASK_COUNT_KINDS = ['street', 'assignee', 'candidates'] as const;

const taskCountSchema = new Schema(
  {
    /** The key (store/tasks.ts countKeysOf): `<street>|*`, `<street>|assignee:<user>` or `<street>|candidates:<groups>;<users>`. */
    _id: { type: String, required: true },
    kind: { type: String, enum: TASK_COUNT_KINDS, required: true },
    street: { type: String, default: null },
    /** The assignee of an `assignee` row. */
    user: { type: String, default: null },
    /** The candidate groups and users of a `candidates` row. */
    groups: { type: [String], default: [] },
    users: { type: [String], default: [] },
    n: { type: Number, default: 0 },
  },
  { collection: 'taskCounts', versionKey: false, _id: false },
);
taskCountSchema.index({ kind: 1, street: 1 });
taskCountSchema.index({ user: 1 });

/** A maintained count of hot tasks. */
export const TaskCount = model('TaskCount', taskCountSchema);
/** A stored count row. */
export type TaskCountDoc = InferSchemaType<typeof taskCountSchema>;
