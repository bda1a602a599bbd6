// Forms: form-js schemas, one head row per form id and immutable versions (JSON text, as keys may hold '.').
import './keyCheck';
import { Schema, model } from 'mongoose';

const formSchema = new Schema(
  {
    /** The form id a user task names in `zeebe:formDefinition formId`. */
    _id: { type: String, required: true },
    name: { type: String, default: null },
    latestVersion: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'forms', versionKey: false, _id: false },
);
formSchema.index({ updatedAt: -1 });

/** A form and its latest version number. */
export const Form = model('Form', formSchema);

const formVersionSchema = new Schema(
  {
    /** `<formId>@<version>`. */
    _id: { type: String, required: true },
    formId: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, default: null },
    /** The form-js schema as JSON text. */
    schemaJson: { type: String, required: true },
    sha256: { type: String, required: true },
    savedBy: { type: String, required: true },
    savedAt: { type: Date, required: true },
  },
  { collection: 'formVersions', versionKey: false, _id: false },
);
formVersionSchema.index({ formId: 1, version: -1 }, { unique: true });

/** An immutable version of a form. */
export const FormVersion = model('FormVersion', formVersionSchema);

/** The _id of a form version. */
export const formVersionId = (formId: string, version: number) => `${formId}@${version}`;
