// The task read model: one row per user task, keyed by the stable task id. Open and claimed tasks live in `tasks` (hot:
// what the task list reads); a completed or cancelled task moves to `taskHistory` (store/tasks.ts moves it).
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { TASK_STATUSES } from '../../contracts/statuses';

/** The fields of a task row, shared by the hot collection and its history. */
const taskFields = {
  _id: { type: String, required: true },
  instanceId: { type: String, required: true },
  definitionKey: { type: String, required: true },
  definitionVersion: { type: Number, required: true },
  businessKey: { type: String, required: true },
  street: { type: String, default: null },
  elementId: { type: String, required: true },
  name: { type: String, default: null },
  assignee: { type: String, default: null },
  candidateGroups: { type: [String], default: [] },
  candidateUsers: { type: [String], default: [] },
  status: { type: String, enum: TASK_STATUSES, required: true },
  dueDate: { type: Date, default: null },
  followUpDate: { type: Date, default: null },
  /** The due date counts days of a year whose holidays the working-day calendar does not know yet (暂定). */
  dueProvisional: { type: Boolean, default: false },
  priority: { type: Number, default: 50 },
  formKey: { type: String, default: null },
  formId: { type: String, default: null },
  createdAt: { type: Date, required: true },
  claimedAt: { type: Date, default: null },
  claimedBy: { type: String, default: null },
  completedAt: { type: Date, default: null },
  completedBy: { type: String, default: null },
};

const taskSchema = new Schema(taskFields, { collection: 'tasks', versionKey: false, _id: false });
taskSchema.index({ status: 1, createdAt: -1 });
taskSchema.index({ instanceId: 1 });
taskSchema.index({ assignee: 1, status: 1 });
taskSchema.index({ candidateGroups: 1, status: 1 });
taskSchema.index({ street: 1, status: 1, dueDate: 1 });
taskSchema.index({ street: 1, status: 1, priority: -1 });
taskSchema.index({ candidateUsers: 1, status: 1 });

/** An open or claimed user task as people see it in the task list (hot). */
export const Task = model('Task', taskSchema);

const historySchema = new Schema(taskFields, { collection: 'taskHistory', versionKey: false, _id: false });
historySchema.index({ completedAt: -1, _id: -1 });
historySchema.index({ instanceId: 1 });
historySchema.index({ street: 1, completedAt: -1 });
historySchema.index({ completedBy: 1, completedAt: -1 });

/** A completed or cancelled user task (cold): same fields, read newest first by completedAt. */
export const TaskHistory = model('TaskHistory', historySchema);
/** A stored task row. */
export type TaskDoc = InferSchemaType<typeof taskSchema>;
