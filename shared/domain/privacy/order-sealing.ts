import type { DataKeys } from '../../ports/keyring';
import { FIRST_DATA_KEY_ID } from './data-key-ids';
import { isSealed, seal, unseal, type Sealed } from './sealed';

/** The order a sealed value belongs to. Refs are unique per retailer, so the retailer is part of it. */
export interface OrderRecord {
  accountId: string;
  retailerId: string;
  ref: string;
}

/** What a sealed value is bound to: it opens on this order's record only. */
export const sealingContext = (accountId: string, retailerId: string, orderRef: string) =>
  `${accountId}:${retailerId}:ORDER:${orderRef}`;

/** Values sealed before they carried a key id were bound to the account and the ref alone. */
const unversionedSealingContext = (accountId: string, orderRef: string) => `${accountId}:ORDER:${orderRef}`;

export type Sealer = (value: unknown) => Sealed;

/** Seals values of one order with the account's current data key. */
export const orderSealer = async (order: OrderRecord, keys: DataKeys): Promise<Sealer> => {
  const { keyId, key } = await keys.currentKey(order.accountId);
  const context = sealingContext(order.accountId, order.retailerId, order.ref);
  return (value) => seal(value, key, context, keyId);
};

/**
 * Opens sealed values of one order: a value that is not sealed comes back as it is, one that
 * cannot be opened (unknown key, another record's value, altered) as undefined.
 */
export const orderOpener = async (order: OrderRecord, values: unknown[], keys: DataKeys): Promise<(value: unknown) => unknown> => {
  const keyIds = [...new Set(values.filter(isSealed).map((value) => value.kid ?? FIRST_DATA_KEY_ID))];
  const found = new Map(await Promise.all(keyIds.map(async (keyId) => [keyId, await keys.keyById(order.accountId, keyId)] as const)));
  return (value) => {
    if (!isSealed(value)) return value;
    const key = found.get(value.kid ?? FIRST_DATA_KEY_ID);
    if (!key) return undefined;
    const context = value.kid
      ? sealingContext(order.accountId, order.retailerId, order.ref)
      : unversionedSealingContext(order.accountId, order.ref);
    try {
      return unseal(value, key, context);
    } catch {
      return undefined;
    }
  };
};
