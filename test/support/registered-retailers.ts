import type { RegisteredRetailers } from '../../shared/ports/registered-retailers';

/**
 * Registered retailers in memory. Without a list every retailer counts as registered, for suites about something
 * else; with one, only those (and any registered later).
 */
export class InMemoryRegisteredRetailers implements RegisteredRetailers {
  private readonly ids: Set<string> | undefined;

  constructor(ids?: Iterable<string>) {
    this.ids = ids ? new Set(ids) : undefined;
  }

  register(retailerId: string): void {
    this.ids?.add(retailerId);
  }

  async isRegistered(retailerId: string): Promise<boolean> {
    return this.ids ? this.ids.has(retailerId) : true;
  }
}
