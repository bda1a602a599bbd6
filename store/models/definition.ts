// Process definitions: one row per key, and immutable versions holding XML, compiled model and hash.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

const definitionSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    name: { type: String, default: null },
    latestVersion: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    /** Set when the definition was retired (POST /api/definitions/:key/retire): nothing starts new cases of it until a deployment. */
    retiredAt: { type: Date, default: null },
    retiredBy: { type: String, default: null },
    /** The latest version's starters (`sparrow:starters`): roles or groups that may start its cases; null or absent: every starter role. */
    starters: { type: [String], default: undefined },
    /** The latest version's process documentation and service-desk icon (`sparrow:icon`), for the residents' catalogue. */
    description: { type: String, default: null },
    icon: { type: String, default: null },
  },
  { collection: 'definitions', versionKey: false },
);
definitionSchema.index({ updatedAt: -1 });

/** A process definition: its key, display name, latest deployed version and whether it is retired. */
export const Definition = model('Definition', definitionSchema);
/** A stored process definition row. */
export type DefinitionDoc = InferSchemaType<typeof definitionSchema>;

const definitionVersionSchema = new Schema(
  {
    key: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, default: null },
    xml: { type: String, required: true },
    /** The executable model as JSON text: element ids may hold '.', which FerretDB refuses as a key. */
    modelJson: { type: String, required: true },
    sha256: { type: String, required: true },
    note: { type: String, default: null },
    warningsJson: { type: String, default: '[]' },
    deployedBy: { type: String, default: null },
    deployedAt: { type: Date, required: true },
    /** The form versions this version's user tasks use, pinned at deployment (forms are versioned with the process). */
    forms: { type: [{ _id: false, formId: { type: String, required: true }, version: { type: Number, required: true } }], default: [] },
    /** The versions this version's call activities with bindingType "deployment" start, pinned at deployment (the latest then). */
    calledVersions: {
      type: [{ _id: false, elementId: { type: String, required: true }, key: { type: String, required: true }, version: { type: Number, required: true } }],
      default: [],
    },
  },
  { collection: 'definitionVersions', versionKey: false },
);
definitionVersionSchema.index({ key: 1, version: -1 }, { unique: true });

/** An immutable deployed version of a process definition. */
export const DefinitionVersion = model('DefinitionVersion', definitionVersionSchema);
/** A stored definition version row. */
export type DefinitionVersionDoc = InferSchemaType<typeof definitionVersionSchema>;
