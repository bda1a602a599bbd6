// Org units: the district's tree of streets, communities, departments, committees and member units.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { ORG_UNIT_KINDS } from '../../contracts/orgUnitKinds';

const orgUnitSchema = new Schema(
  {
    /** A short stable code (e.g. `bajiao`); a street's id is what cases and tasks carry as their street. */
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: ORG_UNIT_KINDS, required: true },
    parentId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'orgUnits', versionKey: false, _id: false },
);
orgUnitSchema.index({ parentId: 1 });
orgUnitSchema.index({ kind: 1 });

/** A node of the org-unit tree. */
export const OrgUnit = model('OrgUnit', orgUnitSchema);
/** A stored org unit row. */
export type OrgUnitDoc = InferSchemaType<typeof orgUnitSchema>;
