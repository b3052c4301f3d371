import { ServiceUnavailableError, ValidationError } from '../domain-errors';
import type { HostResolver } from '../../ports/host-resolver';
import { classifyAddress, isIpAddress } from './webhook-address-ranges';
import {
  accountWebhookPolicy,
  checkWebhookUrl,
  describeRange,
  isDeliverableRange,
  webhookHost,
  type WebhookTargetPolicy,
} from './webhook-target-policy';

/**
 * A webhook URL and the addresses it may be delivered to. Delivery connects to these addresses
 * and no others: resolving the name again when connecting would let a DNS answer that changed
 * since the check (DNS rebinding) lead the request to an address that was never checked.
 */
export interface WebhookTarget {
  url: URL;
  addresses: string[];
}

/**
 * Checks a webhook URL and every address its host stands for. A host with any refused address is
 * refused as a whole, since the connection could go to any of them. A literal IP host is checked
 * as written and never looked up.
 *
 * Throws a ValidationError naming `url` when the target is refused (a subscription answers it with
 * a 400; a delivery counts it as a failed attempt), and a ServiceUnavailableError when the lookup
 * itself failed, which a later try may not meet.
 */
export async function resolveWebhookTarget(
  url: string | URL,
  given: WebhookTargetPolicy,
  resolver: HostResolver,
): Promise<WebhookTarget> {
  const policy = await accountWebhookPolicy(given);
  const checked = checkWebhookUrl(String(url), policy);
  const host = webhookHost(checked);
  if (isIpAddress(host)) return { url: checked, addresses: [host] };

  const addresses = [...new Set(await lookUp(host, resolver))];
  if (addresses.length === 0) throw new ValidationError(`url host ${host} has no address`, 'url');
  for (const address of addresses) {
    const range = classifyAddress(address);
    if (!isDeliverableRange(range, policy)) {
      throw new ValidationError(
        `url host ${host} resolves to ${describeRange(range)} address (${address}), which webhooks must not reach`,
        'url',
      );
    }
  }
  return { url: checked, addresses };
}

async function lookUp(host: string, resolver: HostResolver): Promise<string[]> {
  try {
    return await resolver.resolve(host);
  } catch (error) {
    const reason = (error as { code?: unknown }).code;
    const why = typeof reason === 'string' ? ` (${reason})` : '';
    throw new ServiceUnavailableError(`The addresses of url host ${host} could not be looked up${why}; try again later`);
  }
}
