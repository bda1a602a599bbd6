// The hosts the HTTP connector (job type sparrow.http) may call, as an admin writes them: `api.example.org`,
// `*.example.org` (its subdomains), an IPv4 address or `[IPv6]`, each with an optional `:port`, or `:*` for any port;
// without a port only the scheme's default port (80, 443). Pure and browser-safe: the server checks entries with it,
// the job handler matches requests with it.

/** One allowed host: an exact name or address, or a domain whose subdomains match; a port, any port, or the default one. */
export interface HostPattern {
  entry: string;
  /** The name (lower case) or address; for `*.example.org`, `.example.org`. */
  host: string;
  subdomains: boolean;
  port: number | '*' | 'default';
}

const NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Reads one allowed-host entry; a malformed one throws, naming it. */
export function parseHostPattern(raw: string): HostPattern {
  const entry = raw.trim();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+|\*))?$/i.exec(entry);
  const plain = bracketed ? null : /^([^:]+)(?::(\d+|\*))?$/.exec(entry);
  const host = bracketed?.[1] ?? plain?.[1];
  const portText = bracketed ? bracketed[2] : plain?.[2];
  if (!host || (!bracketed && !NAME.test(host) && !IPV4.test(host))) throw new Error(`allowed host ${JSON.stringify(raw)} is not a host name, *.domain, IPv4 address or [IPv6 address], with an optional :port`);
  const port = portText === undefined ? 'default' : portText === '*' ? '*' : Number(portText);
  if (typeof port === 'number' && (port < 1 || port > 65_535)) throw new Error(`allowed host ${JSON.stringify(raw)} has a port outside 1..65535`);
  const subdomains = host.startsWith('*.');
  // an IPv6 address as a URL writes it (::ffff:127.0.0.1 is ::ffff:7f00:1), so it compares with a URL's host
  const normal = bracketed ? ipv6AsInUrls(host, raw) : host.toLowerCase();
  return { entry, host: subdomains ? normal.slice(1) : normal, subdomains, port };
}

/** An IPv6 address in the form URLs give it (without brackets); not one: throws naming the entry. */
function ipv6AsInUrls(address: string, raw: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    throw new Error(`allowed host ${JSON.stringify(raw)} is no IPv6 address`);
  }
}

/** The scheme's default port. */
const defaultPort = (protocol: string) => (protocol === 'https:' ? 443 : 80);

/** Whether `url` (http or https) is a host and port one of `patterns` allows. */
export function hostAllowed(patterns: readonly HostPattern[], url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  const port = url.port === '' ? defaultPort(url.protocol) : Number(url.port);
  return patterns.some((p) => {
    const nameMatches = p.subdomains ? host.endsWith(p.host) : host === p.host;
    const portMatches = p.port === '*' || (p.port === 'default' ? port === defaultPort(url.protocol) : port === p.port);
    return nameMatches && portMatches;
  });
}
