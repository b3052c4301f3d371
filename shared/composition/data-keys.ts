import { systemClock } from '../adapters/clock/system-clock';
import { LocalKeyring } from '../adapters/keys/local-keyring';
import { EnvelopeDataKeys } from '../domain/privacy/envelope-data-keys';
import type { DataKeys, Keyring } from '../ports/keyring';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { settings, type Settings } from './settings';
import { instrumented } from '../runtime/sdk-instrumentation';

/**
 * KMS, loaded on the first seal or unseal rather than with the function: data keys are cached,
 * so most requests never call KMS, and a function that never touches customer data never loads it.
 */
const kmsKeyring = (keyId: string): Keyring => {
  let loaded: Promise<Keyring> | undefined;
  const keyring = () =>
    (loaded ??= Promise.all([import('@aws-sdk/client-kms'), import('../adapters/keys/kms-keyring')]).then(
      ([{ KMSClient }, { KmsKeyring }]) => new KmsKeyring(instrumented(new KMSClient({})), keyId),
    ));
  return {
    generateDataKey: async (accountId) => (await keyring()).generateDataKey(accountId),
    unwrap: async (accountId, wrapped) => (await keyring()).unwrap(accountId, wrapped),
  };
};

/** The local master key when one is given (the local stack, tests); KMS otherwise (AWS). */
const keyringFor = ({ masterKey, kmsKeyId }: Settings): Keyring => {
  if (masterKey) return new LocalKeyring(masterKey);
  if (kmsKeyId) return kmsKeyring(kmsKeyId);
  const missing = () => Promise.reject(new Error('No key to seal customer data: set ORDO_KMS_KEY_ID or ORDO_MASTER_KEY'));
  return { generateDataKey: missing, unwrap: missing };
};

const build = () => new EnvelopeDataKeys(controlPlane(), keyringFor(settings()), systemClock);

/** Each account's data keys, which seal and unseal customer data. */
export const dataKeys = (): DataKeys => containerPart(build);
