import { ConflictError } from '../../shared/domain/domain-errors';
import type { EventSourceRegistration, EventSourceRegistry, RetailerScope } from '../../shared/ports/event-source-registry';

const ownedBy = (registration: EventSourceRegistration | undefined, accountId: string, scope: RetailerScope): boolean =>
  registration !== undefined &&
  registration.accountId === accountId &&
  (!scope.retailerId || registration.retailerId === scope.retailerId);

/** Sources in a map, unique across accounts and bound to retailers as the DynamoDB adapter keeps them. */
export class InMemoryEventSourceRegistry implements EventSourceRegistry {
  readonly sources = new Map<string, EventSourceRegistration>();

  async claim(registration: EventSourceRegistration, claimant: RetailerScope): Promise<void> {
    const held = this.sources.get(registration.source);
    if (held && !ownedBy(held, registration.accountId, claimant)) {
      throw new ConflictError(`Event source ${registration.source} is taken`, 'source');
    }
    this.sources.set(registration.source, { ...registration });
  }

  async registrationOf(source: string): Promise<EventSourceRegistration | undefined> {
    const registration = this.sources.get(source);
    return registration && { ...registration };
  }

  async listFor(accountId: string, scope: RetailerScope): Promise<EventSourceRegistration[]> {
    return [...this.sources.values()].filter((registration) => ownedBy(registration, accountId, scope)).map((registration) => ({ ...registration }));
  }

  async release(source: string, accountId: string, scope: RetailerScope): Promise<boolean> {
    if (!ownedBy(this.sources.get(source), accountId, scope)) return false;
    return this.sources.delete(source);
  }
}
