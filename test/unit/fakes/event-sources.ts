import { ConflictError } from '../../../shared/domain/errors';
import type { EventSourceRegistry } from '../../../shared/ports/event-source-registry';

/** Sources in a map, unique across accounts as the port promises. */
export class InMemoryEventSourceRegistry implements EventSourceRegistry {
  readonly sources = new Map<string, { accountId: string; claimedOn: string }>();

  async claim(source: string, accountId: string, claimedOn: string): Promise<void> {
    const owner = this.sources.get(source);
    if (owner && owner.accountId !== accountId) throw new ConflictError(`Event source ${source} is taken`, 'source');
    this.sources.set(source, owner ?? { accountId, claimedOn });
  }

  async ownerOf(source: string): Promise<string | undefined> {
    return this.sources.get(source)?.accountId;
  }

  async listFor(accountId: string): Promise<{ source: string; claimedOn: string }[]> {
    return [...this.sources.entries()]
      .filter(([, owner]) => owner.accountId === accountId)
      .map(([source, owner]) => ({ source, claimedOn: owner.claimedOn }));
  }

  async release(source: string, accountId: string): Promise<boolean> {
    if (this.sources.get(source)?.accountId !== accountId) return false;
    return this.sources.delete(source);
  }
}
