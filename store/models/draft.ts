// Drafts: the designer's autosaved BPMN XML, one per definition key; never executed.
import './keyCheck';
import { Schema, model } from 'mongoose';

const draftSchema = new Schema(
  {
    /** The definition key (the process id): one draft per key, written by _id. */
    _id: { type: String, required: true },
    xml: { type: String, required: true },
    /** The deployed version the draft was started from, when the designer says so. */
    baseVersion: { type: Number, default: null },
    /** The change note given when the draft was imported from a file; the deploy dialog offers it. */
    note: { type: String, default: null },
    savedBy: { type: String, required: true },
    savedAt: { type: Date, required: true },
  },
  { collection: 'drafts', versionKey: false, _id: false },
);
draftSchema.index({ savedAt: -1 });

/** An autosaved, not executable draft of a definition. */
export const Draft = model('Draft', draftSchema);
