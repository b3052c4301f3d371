import type { RegisteredRetailers } from '../../ports/registered-retailers';
import type { RetailerRegistry } from '../../ports/retailer-registry';
import { DomainError } from '../domain-errors';

/** Orders, workflows, keys and jobs name a retailer the account registered; anything else is refused before a write. */
export class RetailerNotFoundError extends DomainError {
  constructor(retailerId: string) {
    super('RETAILER_NOT_FOUND', `Retailer ${retailerId} is not registered in this account: register it with PUT /v1/retailers/${retailerId}`, 'retailerId');
  }
}

/** The retailer, once it is known to be registered; RETAILER_NOT_FOUND otherwise. */
export const requireRegistered = async (retailerId: string, retailers: RegisteredRetailers): Promise<string> => {
  if (!(await retailers.isRegistered(retailerId))) throw new RetailerNotFoundError(retailerId);
  return retailerId;
};

/**
 * The registry, asked once per retailer and container while the answer is yes: a retailer cannot be
 * unregistered, so a registered one stays so. A no is asked again each time, so a retailer registered a moment
 * ago is accepted at once.
 */
export class KnownRetailers implements RegisteredRetailers {
  private readonly known = new Set<string>();

  constructor(private readonly registry: Pick<RetailerRegistry, 'get'>) {}

  async isRegistered(retailerId: string): Promise<boolean> {
    if (this.known.has(retailerId)) return true;
    const registered = (await this.registry.get(retailerId)) !== undefined;
    if (registered) this.known.add(retailerId);
    return registered;
  }
}
