// Jobs of external types fetched from Temporal for REST job workers: one row per job key (stable across attempts),
// holding the current attempt's task token and who holds the job's lock.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

const jobSchema = new Schema(
  {
    /** The job key (the activity input's `jobKey`). */
    _id: { type: String, required: true },
    type: { type: String, required: true },
    /** The Temporal task token of the attempt being run, base64. */
    taskToken: { type: String, required: true },
    /** Temporal's attempt number (1 for the first). */
    attempt: { type: Number, required: true },
    /** The task's retries (attempts in all), from the model. */
    retries: { type: Number, required: true },
    instanceId: { type: String, required: true },
    bpmnProcessId: { type: String, required: true },
    elementId: { type: String, required: true },
    elementInstanceId: { type: String, required: true },
    /** The task headers and the variables the task sees, as JSON text (keys may hold '.' or '$'). */
    headersJson: { type: String, required: true },
    variablesJson: { type: String, required: true },
    /** When the attempt times out in Temporal (its start-to-close timeout); null: never. */
    attemptDeadline: { type: Date, default: null },
    /** The lock: until when, by which account and worker name; null lock: any worker of the type may take it. */
    lockedUntil: { type: Date, default: null },
    lockedBy: { type: String, default: null },
    worker: { type: String, default: null },
    fetchedAt: { type: Date, required: true },
  },
  { collection: 'jobs', versionKey: false, _id: false },
);
jobSchema.index({ type: 1 });

/** A job of an external type waiting for, or held by, a REST job worker. */
export const Job = model('Job', jobSchema);
/** A stored job row. */
export type JobDoc = InferSchemaType<typeof jobSchema> & { _id: string };

const jobWorkerSchema = new Schema(
  {
    /** `<type>|<worker>|<username>`. */
    _id: { type: String, required: true },
    type: { type: String, required: true },
    worker: { type: String, required: true },
    username: { type: String, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'jobWorkers', versionKey: false, _id: false },
);
jobWorkerSchema.index({ type: 1 });

/** A REST job worker seen asking for jobs of a type, and when it last asked. */
export const JobWorker = model('JobWorker', jobWorkerSchema);
