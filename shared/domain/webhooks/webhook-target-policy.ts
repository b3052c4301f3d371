import type { Environment } from '../accounts/account';
import { ValidationError } from '../domain-errors';
import { classifyAddress, isIpAddress, isMetadataHostname, type AddressRange } from './webhook-address-ranges';

export { classifyAddress, type AddressRange } from './webhook-address-ranges';

/**
 * Where webhooks may go. A deployed stage sends only over https to public addresses.
 *
 * `allowInsecureLocal` is true on the local stack alone, so a developer can point a webhook at a
 * server on their own machine: it lets `http://` through and lets loopback addresses through.
 * Nothing else opens up. Private, link-local and carrier-grade NAT ranges stay refused even
 * there, because the local stack may run inside a cloud network or an office LAN where those
 * addresses reach real machines; metadata services stay refused because they hand out credentials.
 */
export interface WebhookTargetPolicy {
  allowInsecureLocal: boolean;
  /**
   * The account's environment. When given, the stack's `allowInsecureLocal` opens up for a sandbox
   * account alone: a production account keeps https to public addresses even on the local stack,
   * so what it subscribes to there is what it may subscribe to once deployed.
   */
  environment?: () => Promise<Environment | undefined>;
}

/** The policy one account's webhooks go by: the stack's gate, narrowed by the account's environment. */
export async function accountWebhookPolicy(policy: WebhookTargetPolicy): Promise<WebhookTargetPolicy> {
  // The stack's gate comes first: a deployed stage never reads the account for it.
  if (!policy.allowInsecureLocal || !policy.environment) return { allowInsecureLocal: policy.allowInsecureLocal };
  return { allowInsecureLocal: (await policy.environment()) === 'sandbox' };
}

/** Long enough for any real receiver; a cap keeps stored subscriptions and logs small. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

const RANGE_NAMES: Record<Exclude<AddressRange, 'public'>, string> = {
  metadata: 'a cloud metadata',
  loopback: 'a loopback',
  private: 'a private network',
  linkLocal: 'a link-local',
  carrierGradeNat: 'a carrier-grade NAT',
  multicast: 'a multicast',
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  reserved: 'a reserved',
  uniqueLocal: 'a unique-local IPv6',
  ipv4Mapped: 'an IPv4-mapped IPv6',
};

/**
 * The URL a subscription may deliver to, parsed with the WHATWG parser (the one `fetch` uses, so
 * `0x7f.1`, `2130706433` and `127.1` are all read as 127.0.0.1 here exactly as they would be on
 * the wire). This looks at the URL alone; a host name's addresses are checked by
 * `resolveWebhookTarget`. Throws a ValidationError naming `url` that says why it is refused.
 */
export function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    throw refused(`url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  }
  const url = parse(raw);
  checkScheme(url, policy);
  if (url.username !== '' || url.password !== '') {
    throw refused('url must not contain a user name or password; the webhook signature authenticates each delivery');
  }
  checkHost(webhookHost(url), policy);
  return url;
}

/** Whether a connection to an address in this range may be made under the policy. */
export function isDeliverableRange(range: AddressRange, policy: WebhookTargetPolicy): boolean {
  return range === 'public' || (range === 'loopback' && policy.allowInsecureLocal);
}

/** Refuses an address a webhook must not reach, e.g. one a host name resolved to. */
export function assertDeliverableAddress(ip: string, policy: WebhookTargetPolicy): void {
  const range = classifyAddress(ip);
  if (!isDeliverableRange(range, policy)) throw refused(`url must not point at ${describeRange(range)} address (${ip})`);
}

/** "a private network", "a loopback"…: the words a refusal uses for a range. */
export function describeRange(range: AddressRange): string {
  return range === 'public' ? 'a public' : RANGE_NAMES[range];
}

/** The host as a resolver or a socket takes it: an IPv6 literal without its brackets. */
export function webhookHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function parse(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw refused('url must be an absolute URL such as https://example.com/webhooks');
  }
}

function checkScheme(url: URL, policy: WebhookTargetPolicy): void {
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'https') return;
  if (scheme === 'http' && policy.allowInsecureLocal) return;
  throw refused(
    policy.allowInsecureLocal
      ? `url must use http or https, not ${scheme}`
      : `url must use https, not ${scheme}`,
  );
}

function checkHost(host: string, policy: WebhookTargetPolicy): void {
  if (isMetadataHostname(host)) throw refused(`url must not point at a cloud metadata service (${host})`);
  if (isIpAddress(host)) {
    assertDeliverableAddress(host, policy);
    return;
  }
  // `localhost` and its subdomains always mean this machine (RFC 6761); no need to ask DNS.
  if (!policy.allowInsecureLocal && /(^|\.)localhost\.?$/.test(host)) {
    throw refused(`url must not point at a loopback address (${host})`);
  }
}

function refused(message: string): ValidationError {
  return new ValidationError(message, 'url');
}
