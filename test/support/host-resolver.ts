import type { HostResolver } from '../../shared/ports/host-resolver';

/** A resolver that answers from a fixed table (a name missing from it has no address) and counts the lookups. */
export class FakeHostResolver implements HostResolver {
  readonly lookedUp: string[] = [];

  constructor(private readonly records: Record<string, string[]> = {}) {}

  async resolve(hostname: string): Promise<string[]> {
    this.lookedUp.push(hostname);
    return this.records[hostname] ?? [];
  }
}

/** A resolver that gets no answer, as when the DNS server cannot be reached. */
export class UnreachableHostResolver implements HostResolver {
  constructor(private readonly code = 'EAI_AGAIN') {}

  async resolve(hostname: string): Promise<string[]> {
    throw Object.assign(new Error(`getaddrinfo ${this.code} ${hostname}`), { code: this.code });
  }
}
