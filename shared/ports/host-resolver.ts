/**
 * Finds the addresses a host name stands for right now. Every address is returned, IPv4 and
 * IPv6 alike, so a caller can check each before connecting to any.
 *
 * Resolves to `[]` when the name has no address; rejects when the lookup itself failed (no
 * answer from the resolver, a timeout), which a later attempt may not meet.
 */
export interface HostResolver {
  resolve(hostname: string): Promise<string[]>;
}
