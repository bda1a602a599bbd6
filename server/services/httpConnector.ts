// The HTTP connector's settings (job type sparrow.http): read and replaced by admins. Host entries are checked by their
// schema (contracts/api/httpConnector.ts); non-public entries here, with the outbound policy's own reader.
import type { HttpConnectorSettingsView } from '../../contracts/api/httpConnector';
import { invalid } from '../../platform/errors';
import { parseAllowList } from '../../platform/outboundPolicy';
import { isDuplicateKey } from '../../store/duplicateKey';
import { HTTP_CONNECTOR_SETTINGS_ID, HttpConnectorSettings } from '../../store/models';

/** The settings as stored (none stored: no host, nothing non-public). */
export async function readHttpConnectorSettings(): Promise<HttpConnectorSettingsView> {
  const row = await HttpConnectorSettings.findById(HTTP_CONNECTOR_SETTINGS_ID).lean();
  return { hosts: row?.hosts ?? [], nonPublic: row?.nonPublic ?? [], updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null };
}

/** Replaces the settings; a non-public entry that is no host name, address or CIDR range is a 400 naming it. */
export async function writeHttpConnectorSettings(settings: { hosts: string[]; nonPublic: string[] }, by: string): Promise<HttpConnectorSettingsView> {
  settings.nonPublic.forEach((entry, i) => {
    try {
      parseAllowList([entry]);
    } catch (error) {
      throw invalid('validation-failed', `body.nonPublic.${i}: ${(error as Error).message}`, { errors: [{ path: `body.nonPublic.${i}`, message: (error as Error).message }] });
    }
  });
  const fields = { hosts: settings.hosts, nonPublic: settings.nonPublic, updatedBy: by, updatedAt: new Date() };
  // an update, else an insert (FerretDB v1 runs an upsert as a find then an insert, which a concurrent write can break)
  const updated = await HttpConnectorSettings.updateOne({ _id: HTTP_CONNECTOR_SETTINGS_ID }, { $set: fields });
  if (updated.matchedCount === 0) {
    try {
      await HttpConnectorSettings.create({ _id: HTTP_CONNECTOR_SETTINGS_ID, ...fields });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await HttpConnectorSettings.updateOne({ _id: HTTP_CONNECTOR_SETTINGS_ID }, { $set: fields });
    }
  }
  return readHttpConnectorSettings();
}
