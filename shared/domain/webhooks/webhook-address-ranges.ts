import ipaddr from 'ipaddr.js';
import { ValidationError } from '../domain-errors';

/**
 * What a network address is, as far as a webhook is concerned. Only `public` is reachable from a
 * deployed stage; everything else names the reason it is refused.
 */
export type AddressRange =
  | 'public'
  | 'metadata'
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'uniqueLocal'
  | 'ipv4Mapped';

/**
 * Cloud instance metadata services hand out credentials to whoever asks from inside the
 * instance, so they are refused on every stage, the local one included. Most sit in ranges
 * refused anyway; naming them gives the caller the real reason. 168.63.129.16 is Azure's
 * platform endpoint, a public-range address that must still never be reached.
 */
const METADATA_ADDRESSES = new Set(
  ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16', 'fd00:ec2::254'].map(canonical),
);

/** Names that reach a metadata service through the platform's own resolver. */
const METADATA_HOSTNAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** IPv6 global unicast (RFC 4291): the only IPv6 space handed out for the public internet. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
/** The well-known NAT64 prefix (RFC 6052): the last 32 bits are the IPv4 address reached. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
/** Deprecated IPv4-compatible addresses (`::a.b.c.d`, RFC 4291 §2.5.5.1): no stack routes them any more. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

export function isMetadataHostname(hostname: string): boolean {
  return METADATA_HOSTNAMES.has(hostname.toLowerCase().replace(/\.+$/, ''));
}

/**
 * The range of one IP address in its plain written form (`10.0.0.1`, `::1`, `::ffff:7f00:1`), as
 * a resolver returns it. Other IPv4 spellings (`127.1`, `0x7f.1`, `017700000001`) are not
 * accepted here: a URL's host is normalized by the WHATWG parser before it gets this far, and a
 * form this code and the socket layer might read differently must never be trusted.
 */
export function classifyAddress(ip: string): AddressRange {
  if (ipaddr.IPv4.isValidFourPartDecimal(ip)) return classifyIPv4(ipaddr.IPv4.parse(ip));
  if (ipaddr.IPv6.isValid(ip)) return classifyIPv6(ipaddr.IPv6.parse(ip));
  throw new ValidationError(`url leads to ${JSON.stringify(ip)}, which is not an IP address`, 'url');
}

export function isIpAddress(host: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(host) || ipaddr.IPv6.isValid(host);
}

function classifyIPv4(address: ipaddr.IPv4): AddressRange {
  if (METADATA_ADDRESSES.has(address.toNormalizedString())) return 'metadata';
  const range: string = address.range();
  switch (range) {
    case 'unicast':
      return 'public';
    case 'loopback':
    case 'private':
    case 'linkLocal':
    case 'carrierGradeNat':
    case 'multicast':
    case 'unspecified':
    case 'broadcast':
      return range;
    default:
      // reserved, documentation, benchmarking, AS112 and AMT anycast: never a webhook receiver.
      return 'reserved';
  }
}

function classifyIPv6(address: ipaddr.IPv6): AddressRange {
  if (METADATA_ADDRESSES.has(address.toNormalizedString())) return 'metadata';
  // Typed loosely: ipaddr.js knows more IPv6 ranges than its type declarations list.
  const range: string = address.range();
  switch (range) {
    case 'loopback':
    case 'linkLocal':
    case 'multicast':
    case 'unspecified':
    case 'uniqueLocal':
      return range;
    case 'deprecatedSiteLocal':
      // fec0::/10 was IPv6's private range before unique-local replaced it.
      return 'private';
    case 'ipv4Mapped':
    case 'rfc6145':
      // `::ffff:127.0.0.1` is 127.0.0.1 to a dual-stack socket. A mapped form of a public address
      // is refused too: a real receiver is reached by its IPv4 address, never by this disguise.
      return mappedRange(embeddedIPv4(address));
    case 'rfc6052':
      // A NAT64 gateway forwards to the IPv4 address in the last 32 bits; judge that one.
      return address.match(NAT64_WELL_KNOWN) ? classifyIPv4(embeddedIPv4(address)) : 'reserved';
    case 'unicast':
      if (address.match(IPV4_COMPATIBLE)) return 'reserved';
      return address.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
    default:
      // 6to4, Teredo, local-use NAT64, discard, documentation, ORCHID…: tunnels and special uses.
      return 'reserved';
  }
}

function mappedRange(embedded: ipaddr.IPv4): AddressRange {
  const range = classifyIPv4(embedded);
  return range === 'public' ? 'ipv4Mapped' : range;
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12));
}

function canonical(ip: string): string {
  return ipaddr.parse(ip).toNormalizedString();
}
