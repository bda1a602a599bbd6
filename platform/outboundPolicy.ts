// Which destinations Sparrow's outbound HTTP (case event webhooks, and whatever else calls out) may reach: http(s) URLs
// without credentials, and no loopback, private, link-local or other non-public address unless the allow-list names the
// host or a range holding its address. A host name is checked where the connection is made (`guardedLookup`, Node's
// `lookup` hook), so a name that resolves to a private address — at registration or later (DNS rebinding) — is refused.
import dns from 'node:dns';
import net from 'node:net';

/** The allow-list: host names (exact, or `*.example.org` for its subdomains) and addresses or CIDR ranges. */
export interface OutboundAllowList {
  /** The entries as given (for messages). */
  entries: readonly string[];
  hosts: ReadonlySet<string>;
  hostSuffixes: readonly string[];
  ranges: net.BlockList;
}

/** A destination the policy refuses: `reason` says which rule and what address. */
export class OutboundDenied extends Error {
  readonly code = 'destination-denied';
  constructor(readonly reason: string) {
    super(`destination denied: ${reason}`);
    this.name = 'OutboundDenied';
  }
}

/** Address ranges that are not the public internet, by name (IANA special-purpose registries). */
const NON_PUBLIC: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'IPv4-compatible'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['64:ff9b:1::', 48, 'ipv6', 'NAT64'],
  ['100::', 64, 'ipv6', 'discard-only'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'unique local (private)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];
const RANGES = NON_PUBLIC.map(([address, prefix, family, name]) => {
  const list = new net.BlockList();
  list.addSubnet(address, prefix, family);
  return { list, name };
});

/** The address as BlockList checks it: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as its IPv4 address. */
function plain(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: net.isIPv4(address) ? 'ipv4' : 'ipv6' };
}

/** The name of the non-public range `address` lies in (`loopback`, `private`, `link-local` …), or null for a public address. */
export function nonPublicRange(address: string): string | null {
  const { address: a, family } = plain(address);
  return RANGES.find(({ list }) => list.check(a, family))?.name ?? null;
}

/** Reads allow-list entries; a malformed entry throws, naming it. */
export function parseAllowList(entries: readonly string[]): OutboundAllowList {
  const hosts = new Set<string>();
  const hostSuffixes: string[] = [];
  const ranges = new net.BlockList();
  const kept = entries.map((e) => e.trim()).filter(Boolean);
  for (const entry of kept) {
    const [address, prefix, extra] = entry.split('/');
    if (net.isIP(address)) {
      const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
      const bits = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix);
      if (extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv4' ? 32 : 128)) throw new Error(`outbound allow-list entry ${JSON.stringify(entry)} has no valid prefix length`);
      ranges.addSubnet(address, bits, family);
    } else if (/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry)) {
      if (entry.startsWith('*.')) hostSuffixes.push(entry.slice(1).toLowerCase());
      else hosts.add(entry.toLowerCase());
    } else {
      throw new Error(`outbound allow-list entry ${JSON.stringify(entry)} is neither a host name, an address nor a CIDR range`);
    }
  }
  return { entries: kept, hosts, hostSuffixes, ranges };
}

/** The allow-list of the environment: SPARROW_OUTBOUND_ALLOW, comma-separated (empty: public destinations only). */
export function allowListFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundAllowList {
  return parseAllowList((env.SPARROW_OUTBOUND_ALLOW ?? '').split(','));
}

const hostAllowed = (host: string, allow: OutboundAllowList) => {
  const name = host.toLowerCase().replace(/\.$/, '');
  return allow.hosts.has(name) || allow.hostSuffixes.some((suffix) => name.endsWith(suffix));
};

/** Refuses `address` (reached for `host`) unless it is public or the allow-list holds it. */
function checkAddress(host: string, address: string, allow: OutboundAllowList): void {
  const range = nonPublicRange(address);
  if (range === null) return;
  const { address: a, family } = plain(address);
  if (allow.ranges.check(a, family) || (family === 'ipv4' && address !== a && allow.ranges.check(address, 'ipv6'))) return;
  const via = host === address ? address : `${host} resolves to ${address}`;
  throw new OutboundDenied(`${via}, a ${range} address; only an entry of the outbound allow-list (SPARROW_OUTBOUND_ALLOW) permits it`);
}

/**
 * Checks a URL before anything is sent: http or https, no user name or password, and a host that is no non-public
 * address (an address literal) and no `localhost` name unless allowed. Names are checked again when connecting
 * (`guardedLookup`). Answers the parsed URL; throws OutboundDenied naming the rule.
 */
export function checkOutboundUrl(raw: string, allow: OutboundAllowList): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundDenied(`${JSON.stringify(raw.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundDenied(`only http and https URLs are allowed, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new OutboundDenied('a URL must not carry a user name or password');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new OutboundDenied('the URL has no host');
  if (net.isIP(host)) {
    checkAddress(host, host, allow);
  } else if (!hostAllowed(host, allow) && /(^|\.)localhost\.?$/i.test(host)) {
    throw new OutboundDenied(`${host} is a loopback name; only an entry of the outbound allow-list (SPARROW_OUTBOUND_ALLOW) permits it`);
  }
  return url;
}

type LookupAddress = { address: string; family: number };
type Resolver = (hostname: string, options: dns.LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for http(s).request / net.connect that resolves the host and keeps only the addresses the policy permits
 * (every address when the allow-list names the host); none left is an OutboundDenied error. So the address checked is
 * the address connected to.
 */
export function guardedLookup(allow: OutboundAllowList, resolve: Resolver = dns.lookup as Resolver): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      let denial: OutboundDenied | null = null;
      const permitted = hostAllowed(hostname, allow)
        ? addresses
        : addresses.filter(({ address }) => {
            try {
              checkAddress(hostname, address, allow);
              return true;
            } catch (refused) {
              denial ??= refused as OutboundDenied;
              return false;
            }
          });
      if (permitted.length === 0) return callback(denial ?? new OutboundDenied(`${hostname} resolves to no address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, permitted);
      return callback(null, permitted[0].address, permitted[0].family);
    });
  };
}
