import type { DataKeys } from '../../ports/keyring';
import { FIRST_DATA_KEY_ID } from '../privacy/data-key-ids';
import { seal, unseal, type Sealed } from '../privacy/sealed';
import type { WebhookSecrets } from './webhook-secret';

interface StoredSecrets {
  current: string;
  previous?: { secret: string; rotatedOn: string };
}

/** What sealed secrets are bound to: they open on this subscription's record only. */
const sealingContext = (accountId: string, webhookId: string) => `${accountId}:WEBHOOK:${webhookId}`;

/** Seals a subscription's secrets with the account's current data key. */
export const sealWebhookSecrets = async (accountId: string, webhookId: string, secrets: WebhookSecrets, keys: DataKeys): Promise<Sealed> => {
  const { keyId, key } = await keys.currentKey(accountId);
  const stored: StoredSecrets = {
    current: secrets.current,
    ...(secrets.previous ? { previous: { secret: secrets.previous.secret, rotatedOn: secrets.previous.rotatedOn.toISOString() } } : {}),
  };
  return seal(stored, key, sealingContext(accountId, webhookId), keyId);
};

/**
 * Opens a subscription's secrets. A value that cannot be opened (its key gone, moved from another
 * record, altered) is a fault in the stored data, not the caller's: it throws a plain Error.
 */
export const openWebhookSecrets = async (accountId: string, webhookId: string, sealed: Sealed, keys: DataKeys): Promise<WebhookSecrets> => {
  const keyId = sealed.kid ?? FIRST_DATA_KEY_ID;
  const key = await keys.keyById(accountId, keyId);
  if (!key) throw new Error(`The secrets of webhook ${webhookId} are sealed with data key ${keyId}, which account ${accountId} does not have`);
  const stored = unseal<StoredSecrets>(sealed, key, sealingContext(accountId, webhookId));
  return {
    current: stored.current,
    ...(stored.previous ? { previous: { secret: stored.previous.secret, rotatedOn: new Date(stored.previous.rotatedOn) } } : {}),
  };
};
