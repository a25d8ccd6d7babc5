import { BlockList, isIP } from 'node:net';

// Cloud metadata endpoints: never contacted, even when private networks are allowed.
const metadata = new BlockList();
for (const a of ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16']) metadata.addAddress(a, 'ipv4');
metadata.addAddress('fd00:ec2::254', 'ipv6');

const restricted = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  restricted.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  restricted.addSubnet(net, prefix, 'ipv6');
}

/** Why an address may not be contacted, or `ok`. */
export type AddressVerdict = 'ok' | 'private' | 'metadata' | 'invalid';

/**
 * Whether an IP address may be contacted: cloud metadata addresses never; loopback, private,
 * link-local, multicast and reserved ranges only when `allowPrivate` is set. IPv4 written inside
 * IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address.
 *
 * @example
 * ```ts
 * addressVerdict('127.0.0.1', false); // 'private'
 * addressVerdict('169.254.169.254', true); // 'metadata'
 * ```
 */
export function addressVerdict(address: string, allowPrivate: boolean): AddressVerdict {
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (family === 0) return 'invalid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (metadata.check(ip, type)) return 'metadata';
  if (!allowPrivate && restricted.check(ip, type)) return 'private';
  return 'ok';
}
