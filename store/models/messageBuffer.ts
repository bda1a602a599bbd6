// Buffered messages (Camunda 8's message buffering): a published message with a time-to-live, kept until it expires so a
// case that subscribes later can still take it — at most once per process (BPMN process id = definition key).
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

const messageBufferSchema = new Schema(
  {
    /** SHA-256 of (name, correlation key, messageId) when the message has an id, so a second publish is one duplicate key; else a random id. */
    _id: { type: String, required: true },
    name: { type: String, required: true },
    correlationKey: { type: String, required: true },
    messageId: { type: String, default: null },
    /** The variables as JSON text (their names may hold '.' or start with '$'). */
    variablesJson: { type: String, required: true },
    /** The publisher's streets: only cases of these streets take the message; `anyStreet` for a district-wide publisher. */
    streets: { type: [String], default: [] },
    anyStreet: { type: Boolean, default: false },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** The processes (definition keys) the message has been correlated to: never again to another case of one of them. */
    correlatedProcesses: { type: [String], default: [] },
  },
  { collection: 'messageBuffer', versionKey: false, _id: false },
);
// A subscription looks its message up by name and key, oldest first; no TTL index (FerretDB v1 has none): expired rows
// are removed by the server's periodic purge (server/services/messageBuffer.ts).
messageBufferSchema.index({ name: 1, correlationKey: 1, publishedAt: 1 });
messageBufferSchema.index({ expiresAt: 1 });

/** One buffered message. */
export type MessageBufferDoc = InferSchemaType<typeof messageBufferSchema>;

/** The buffered messages. */
export const MessageBuffer = model('MessageBuffer', messageBufferSchema);
