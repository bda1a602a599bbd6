// The settings of the built-in HTTP connector (job type sparrow.http), one row: which hosts it may call and which
// non-public addresses it may reach. An admin sets them (PUT /api/admin/http-connector); no row means no host.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

/** The `_id` of the one settings row. */
export const HTTP_CONNECTOR_SETTINGS_ID = 'http-connector';

const httpConnectorSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Hosts the connector may call: `api.example.org`, `*.example.org`, each with an optional `:port` or `:*`. */
    hosts: { type: [String], default: [] },
    /** Host names, addresses or CIDR ranges whose loopback, private or other non-public addresses it may reach. */
    nonPublic: { type: [String], default: [] },
    updatedBy: { type: String, default: null },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'httpConnectorSettings', versionKey: false, _id: false },
);

/** The stored settings row of the HTTP connector. */
export const HttpConnectorSettings = model('HttpConnectorSettings', httpConnectorSettingsSchema);
/** The settings row of the HTTP connector. */
export type HttpConnectorSettingsDoc = InferSchemaType<typeof httpConnectorSettingsSchema>;
