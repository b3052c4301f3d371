import type { DataKeys } from '../../ports/keyring';
import { FIRST_DATA_KEY_ID } from '../privacy/data-key-ids';
import { seal, unseal, type Sealed } from '../privacy/sealed';

/** What a sealed body is bound to: it opens on this delivery's record only. */
const sealingContext = (accountId: string, webhookId: string, messageId: string) => `${accountId}:WEBHOOK_DELIVERY:${webhookId}:${messageId}`;

interface DeliveryOf {
  accountId: string;
  webhookId: string;
  messageId: string;
}

/**
 * The body as stored: in clear when it carries no customer data, sealed with the account's current
 * data key when it does (a subscription with `includeCustomer`).
 */
export const storedDeliveryBody = async (body: string, withCustomer: boolean, of: DeliveryOf, keys: DataKeys): Promise<string | Sealed> => {
  if (!withCustomer) return body;
  const { keyId, key } = await keys.currentKey(of.accountId);
  return seal(body, key, sealingContext(of.accountId, of.webhookId, of.messageId), keyId);
};

/**
 * The body to send. A sealed one that cannot be opened (its key gone, moved from another record,
 * altered) is a fault in the stored data, not the caller's: it throws a plain Error.
 */
export const openDeliveryBody = async (stored: string | Sealed, of: DeliveryOf, keys: DataKeys): Promise<string> => {
  if (typeof stored === 'string') return stored;
  const keyId = stored.kid ?? FIRST_DATA_KEY_ID;
  const key = await keys.keyById(of.accountId, keyId);
  if (!key) throw new Error(`The body of message ${of.messageId} is sealed with data key ${keyId}, which account ${of.accountId} does not have`);
  return unseal<string>(stored, key, sealingContext(of.accountId, of.webhookId, of.messageId));
};
