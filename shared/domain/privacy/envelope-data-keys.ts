import type { Clock } from '../../ports/clock';
import type { ControlPlaneStore } from '../../ports/control-plane-store';
import type { DataKey, DataKeys, Keyring } from '../../ports/keyring';
import { ConflictError } from '../domain-errors';
import { FIRST_DATA_KEY_ID, nextDataKeyId } from './data-key-ids';

/** A plain key lives this long in memory, then is unwrapped again. */
export const DATA_KEY_TTL_MS = 5 * 60_000;
/** How soon a rotation made by another container is used here for new values. */
export const CURRENT_KEY_ID_TTL_MS = 60_000;

const ROTATION_ATTEMPTS = 3;

interface Cached<T> {
  value: Promise<T>;
  expiresAt: number;
}

/**
 * The account's data keys, kept wrapped on the account record, one per key id. Plain keys stay
 * in this container's memory only, and only for DATA_KEY_TTL_MS.
 */
export class EnvelopeDataKeys implements DataKeys {
  private readonly plainKeys = new Map<string, Cached<Buffer | undefined>>();
  private readonly currentIds = new Map<string, Cached<string>>();

  constructor(
    private readonly controlPlane: ControlPlaneStore,
    private readonly keyring: Keyring,
    private readonly clock: Clock,
  ) {}

  async currentKey(accountId: string): Promise<DataKey> {
    const keyId = await this.cached(this.currentIds, accountId, CURRENT_KEY_ID_TTL_MS, () => this.loadCurrentKeyId(accountId));
    const key = await this.keyById(accountId, keyId);
    if (!key) throw new Error(`Account ${accountId} has no data key ${keyId}`);
    return { keyId, key };
  }

  keyById(accountId: string, keyId: string): Promise<Buffer | undefined> {
    return this.cached(this.plainKeys, `${accountId}/${keyId}`, DATA_KEY_TTL_MS, async () => {
      const stored = await this.controlPlane.getWrappedDataKey(accountId, keyId);
      return stored ? this.keyring.unwrap(accountId, stored.wrapped) : undefined;
    });
  }

  async rotate(accountId: string): Promise<{ keyId: string; createdOn: string }> {
    for (let attempt = 1; attempt <= ROTATION_ATTEMPTS; attempt++) {
      const replacing = await this.controlPlane.getCurrentDataKeyId(accountId);
      const keyId = nextDataKeyId(replacing);
      const added = await this.add(accountId, keyId, replacing);
      if (added) return added;
    }
    throw new ConflictError(`The data key of account ${accountId} is being rotated elsewhere: try again`);
  }

  private async loadCurrentKeyId(accountId: string): Promise<string> {
    const existing = await this.controlPlane.getCurrentDataKeyId(accountId);
    if (existing) return existing;
    if (await this.add(accountId, FIRST_DATA_KEY_ID, undefined)) return FIRST_DATA_KEY_ID;
    // Another container made the first key at the same time: use theirs.
    const winner = await this.controlPlane.getCurrentDataKeyId(accountId);
    if (!winner) throw new Error(`Account ${accountId} has no data key`);
    return winner;
  }

  /** Makes `keyId` the current key if `replacing` still is; the plain key is cached, as it will be used next. */
  private async add(accountId: string, keyId: string, replacing: string | undefined) {
    const fresh = await this.keyring.generateDataKey(accountId);
    const createdOn = this.clock.now().toISOString();
    if (!(await this.controlPlane.addDataKey(accountId, { keyId, wrapped: fresh.wrapped, createdOn }, replacing))) return undefined;
    const expiresAt = this.clock.now().getTime();
    this.plainKeys.set(`${accountId}/${keyId}`, { value: Promise.resolve(fresh.plaintext), expiresAt: expiresAt + DATA_KEY_TTL_MS });
    this.currentIds.set(accountId, { value: Promise.resolve(keyId), expiresAt: expiresAt + CURRENT_KEY_ID_TTL_MS });
    return { keyId, createdOn };
  }

  /** One load at a time per entry; a failed load is forgotten, so the next use tries again. */
  private cached<T>(entries: Map<string, Cached<T>>, name: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const entry = entries.get(name);
    if (entry && entry.expiresAt > now) return entry.value;
    const value = load();
    const fresh = { value, expiresAt: now + ttlMs };
    entries.set(name, fresh);
    value.catch(() => {
      if (entries.get(name) === fresh) entries.delete(name);
    });
    return value;
  }
}
