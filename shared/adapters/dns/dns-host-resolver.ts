import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { HostResolver } from '../../ports/host-resolver';

type LookupAll = (hostname: string, options: { all: true; verbatim: true }) => Promise<LookupAddress[]>;

/** The resolver's answers that mean "this name has no address", as opposed to "no answer came". */
const NO_ADDRESS_CODES = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * Resolves through the operating system, as a socket connecting to the name would (hosts file,
 * then DNS). `verbatim` keeps the resolver's order instead of putting IPv4 first.
 */
export class DnsHostResolver implements HostResolver {
  constructor(private readonly lookupAll: LookupAll = lookup) {}

  async resolve(hostname: string): Promise<string[]> {
    try {
      const found = await this.lookupAll(hostname, { all: true, verbatim: true });
      return found.map(({ address }) => address);
    } catch (error) {
      if (NO_ADDRESS_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw error;
    }
  }
}
