// Case event webhooks: the registrations (secret kept out of every default read), the outbox of deliveries the worker's
// dispatcher sends, and the deadline sweep's watermarks.
import './keyCheck';
import { Schema, model } from 'mongoose';

const webhookSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    url: { type: String, required: true },
    events: { type: [String], default: [] },
    /** Street ids, or `*` for the district. */
    streets: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    /** The HMAC key: read only by the dispatcher (`select('+secret')`), never answered by the API. */
    secret: { type: String, required: true, select: false },
    secretUpdatedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'webhooks', versionKey: false, _id: false },
);

/** A registered webhook. */
export const Webhook = model('Webhook', webhookSchema);

const deliverySchema = new Schema(
  {
    /** `<webhookId>:<eventId>`: the same event is queued once per webhook, however often its writer runs. */
    _id: { type: String, required: true },
    webhookId: { type: String, required: true },
    eventId: { type: String, required: true },
    event: { type: String, required: true },
    instanceId: { type: String, required: true },
    street: { type: String, default: null },
    /** The JSON body, fixed when queued (every attempt sends the same bytes). */
    payloadJson: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, default: null },
    /** While `delivering`: when the claim lapses and another dispatcher may take it. */
    leaseUntil: { type: Date, default: null },
    lastAttemptAt: { type: Date, default: null },
    lastStatusCode: { type: Number, default: null },
    lastError: { type: String, default: null },
    responseExcerpt: { type: String, default: null },
    occurredAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'webhookDeliveries', versionKey: false, _id: false },
);
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ webhookId: 1, createdAt: -1 });

/** One event's delivery to one webhook (the outbox row and its status). */
export const WebhookDelivery = model('WebhookDelivery', deliverySchema);

const sweepSchema = new Schema(
  {
    /** `deadline.near` or `deadline.past`. */
    _id: { type: String, required: true },
    /** Tasks due up to here have been swept for this event. */
    horizon: { type: Date, required: true },
  },
  { collection: 'webhookSweeps', versionKey: false, _id: false },
);

/** How far the deadline sweep has looked, per deadline event. */
export const WebhookSweep = model('WebhookSweep', sweepSchema);
