import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { DataKeys, Keyring } from '../../ports/keyring';

/**
 * One data key per account, created on first use and kept wrapped on the account record.
 * Plain keys stay in this container's memory only.
 */
export class EnvelopeDataKeys implements DataKeys {
  private readonly keys = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly controlPlane: ControlPlaneStore,
    private readonly keyring: Keyring,
  ) {}

  dataKeyFor(accountId: string): Promise<Buffer> {
    let key = this.keys.get(accountId);
    if (!key) {
      key = this.load(accountId);
      key.catch(() => this.keys.delete(accountId));
      this.keys.set(accountId, key);
    }
    return key;
  }

  private async load(accountId: string): Promise<Buffer> {
    const existing = await this.controlPlane.getWrappedDataKey(accountId);
    if (existing) return this.keyring.unwrap(accountId, existing);
    const fresh = await this.keyring.generateDataKey(accountId);
    if (await this.controlPlane.setWrappedDataKeyIfAbsent(accountId, fresh.wrapped)) return fresh.plaintext;
    // Another container created the key first: use theirs.
    const winner = await this.controlPlane.getWrappedDataKey(accountId);
    if (!winner) throw new Error(`Account ${accountId} has no data key`);
    return this.keyring.unwrap(accountId, winner);
  }
}
