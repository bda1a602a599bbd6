// The outbound destination policy (platform/outboundPolicy.ts): which URLs and addresses outbound HTTP may reach, and the
// connect-time lookup that refuses a name resolving to a non-public address.
import type { LookupAddress } from 'node:dns';
import { checkOutboundUrl, guardedLookup, nonPublicRange, OutboundDenied, parseAllowList } from '../../platform/outboundPolicy';

const none = parseAllowList([]);

/** Runs a guarded lookup of `host` against a fake resolver answering `addresses`. */
function lookup(host: string, addresses: string[], allow = none, all = true): Promise<LookupAddress[] | string> {
  const resolver = (_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) => cb(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  return new Promise((resolve, reject) =>
    guardedLookup(allow, resolver)(host, { all }, (error: Error | null, result: unknown) => (error ? reject(error) : resolve(result as LookupAddress[] | string))),
  );
}

describe('nonPublicRange', () => {
  it('should name loopback, private, link-local and mapped addresses, and pass public ones', () => {
    expect(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '0.0.0.0'].map(nonPublicRange)).toEqual([
      'loopback',
      'private',
      'private',
      'private',
      'link-local',
      'loopback',
      'unique local (private)',
      'link-local',
      'private',
      'unspecified',
    ]);
    expect(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '172.32.0.1'].map(nonPublicRange)).toEqual([null, null, null]);
  });
});

describe('checkOutboundUrl', () => {
  it('should accept http and https URLs of public hosts and names', () => {
    expect(checkOutboundUrl('https://hooks.example.org/sparrow', none).hostname).toBe('hooks.example.org');
    expect(checkOutboundUrl('http://93.184.215.14:8080/x', none).port).toBe('8080');
  });

  it('should NOT accept other schemes, credentials, or loopback, private and link-local hosts', () => {
    const refusals = ['ftp://example.org/', 'https://user:pw@example.org/', 'http://127.0.0.1/', 'http://[::1]:9000/', 'http://10.0.0.5/', 'http://169.254.169.254/latest/meta-data', 'http://localhost:3000/', 'http://[::ffff:192.168.0.1]/', 'not a url'].map((url) => {
      try {
        checkOutboundUrl(url, none);
        return 'accepted';
      } catch (error) {
        return error instanceof OutboundDenied ? 'denied' : 'other';
      }
    });
    expect(refusals).toEqual(Array(9).fill('denied'));
    expect(() => checkOutboundUrl('http://10.0.0.5/', none)).toThrow('10.0.0.5, a private address');
  });

  it('should accept a non-public address or name the allow-list names', () => {
    const allow = parseAllowList(['127.0.0.1', '10.0.0.0/8', 'localhost', '*.intra.example']);
    expect(checkOutboundUrl('http://127.0.0.1:4000/hook', allow).port).toBe('4000');
    expect(checkOutboundUrl('http://10.9.8.7/hook', allow).hostname).toBe('10.9.8.7');
    expect(checkOutboundUrl('http://localhost/hook', allow).hostname).toBe('localhost');
    expect(() => checkOutboundUrl('http://127.0.0.2/hook', allow)).toThrow(OutboundDenied);
  });

  it('should refuse a malformed allow-list entry, naming it', () => {
    expect(() => parseAllowList(['10.0.0.0/33'])).toThrow('"10.0.0.0/33"');
    expect(() => parseAllowList(['http://x'])).toThrow('"http://x"');
  });
});

describe('guardedLookup', () => {
  it('should refuse a name that resolves only to non-public addresses (DNS rebinding), naming the address', async () => {
    await expect(lookup('rebind.example.org', ['127.0.0.1'])).rejects.toThrow('rebind.example.org resolves to 127.0.0.1, a loopback address');
    await expect(lookup('rebind.example.org', ['10.0.0.1'], none, false)).rejects.toBeInstanceOf(OutboundDenied);
  });

  it('should keep only the permitted addresses of a name', async () => {
    expect(await lookup('mixed.example.org', ['10.0.0.1', '93.184.215.14'])).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect(await lookup('mixed.example.org', ['10.0.0.1', '93.184.215.14'], none, false)).toBe('93.184.215.14');
  });

  it('should permit every address of a name the allow-list names, and addresses of an allowed range', async () => {
    expect(await lookup('hooks.intra.example', ['10.0.0.1'], parseAllowList(['*.intra.example']))).toEqual([{ address: '10.0.0.1', family: 4 }]);
    expect(await lookup('box.example.org', ['192.168.3.4'], parseAllowList(['192.168.0.0/16']))).toEqual([{ address: '192.168.3.4', family: 4 }]);
  });
});
