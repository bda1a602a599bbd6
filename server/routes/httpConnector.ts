// The HTTP connector's settings (job type sparrow.http): which hosts it may call (none until an admin names them) and
// which non-public addresses it may reach. Admins only.
import { httpConnectorSettingsBody, httpConnectorSettingsView } from '../../contracts/api/httpConnector';
import { ADMINS } from '../../contracts/roles';
import { type AnyRoute, route } from '../http/route';
import { readHttpConnectorSettings, writeHttpConnectorSettings } from '../services/httpConnector';

/** The HTTP connector settings routes. */
export function httpConnectorRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/admin/http-connector',
      summary: 'The HTTP connector\'s settings: the hosts job type sparrow.http may call, and the entries whose non-public addresses it may reach',
      tag: 'admin',
      access: ADMINS,
      responses: { 200: { description: 'the settings', schema: httpConnectorSettingsView } },
      handler: () => readHttpConnectorSettings(),
    }),
    route({
      method: 'put',
      path: '/admin/http-connector',
      summary: 'Replaces the HTTP connector\'s settings (deny by default: a host not listed is never called; loopback, private, link-local and other non-public addresses only where nonPublic names them)',
      tag: 'admin',
      access: ADMINS,
      body: httpConnectorSettingsBody,
      responses: { 200: { description: 'the settings now', schema: httpConnectorSettingsView } },
      handler: ({ body, user }) => writeHttpConnectorSettings(body, user.username),
    }),
  ];
}
