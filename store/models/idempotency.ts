// Idempotency records: the first answer to a request sent with an `Idempotency-Key`, replayed for its duplicates.
import './keyCheck';
import { Schema, model } from 'mongoose';

const idempotencySchema = new Schema(
  {
    /** SHA-256 of (user, route, key): claiming a key is one insert by _id. */
    _id: { type: String, required: true },
    /** SHA-256 of the request (route parameters and body): a reused key with another request is refused. */
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    status: { type: Number, default: null },
    /** The response body as JSON text (it may hold variable names with '.'). */
    bodyJson: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'idempotencyKeys', versionKey: false, _id: false },
);
// No TTL index (FerretDB v1 has none): old records are removed by the server's periodic purge.
idempotencySchema.index({ createdAt: 1 });

/** One remembered request. */
export const Idempotency = model('Idempotency', idempotencySchema);
