// Notifications sent by processes to groups or users (the "notify departments" step of a case).
import './keyCheck';
import { Schema, model } from 'mongoose';

const notificationSchema = new Schema(
  {
    _id: { type: String, required: true },
    instanceId: { type: String, required: true },
    elementId: { type: String, required: true },
    recipients: { type: [String], default: [] },
    message: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'notifications', versionKey: false, _id: false },
);
notificationSchema.index({ recipients: 1, createdAt: -1 });
notificationSchema.index({ instanceId: 1 });

/** A notification row; its id is derived from the job, so a retried activity writes it once. */
export const Notification = model('Notification', notificationSchema);
