import type { DataKey, DataKeys } from '../../shared/ports/keyring';

/**
 * Data keys without a keyring: key `dk<n>` is 32 bytes of `seed + n`, so tests can seal and open
 * values, and a rotation gives a different key.
 */
export class FixedDataKeys implements DataKeys {
  private readonly current = new Map<string, number>();

  constructor(private readonly seed = 7) {}

  keyOf(keyId: string): Buffer {
    return Buffer.alloc(32, this.seed + Number(keyId.slice(2)));
  }

  async currentKey(accountId: string): Promise<DataKey> {
    const keyId = `dk${this.current.get(accountId) ?? 1}`;
    return { keyId, key: this.keyOf(keyId) };
  }

  async keyById(accountId: string, keyId: string): Promise<Buffer | undefined> {
    const counter = Number(/^dk(\d+)$/.exec(keyId)?.[1]);
    return counter >= 1 && counter <= (this.current.get(accountId) ?? 1) ? this.keyOf(keyId) : undefined;
  }

  async rotate(accountId: string): Promise<{ keyId: string; createdOn: string }> {
    const next = (this.current.get(accountId) ?? 1) + 1;
    this.current.set(accountId, next);
    return { keyId: `dk${next}`, createdOn: '2025-03-14T09:26:53.000Z' };
  }
}
