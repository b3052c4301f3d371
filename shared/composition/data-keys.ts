import { KMSClient } from '@aws-sdk/client-kms';
import { systemClock } from '../adapters/clock/system-clock';
import { KmsKeyring } from '../adapters/keys/kms-keyring';
import { LocalKeyring } from '../adapters/keys/local-keyring';
import { EnvelopeDataKeys } from '../domain/privacy/envelope-data-keys';
import type { DataKeys, Keyring } from '../ports/keyring';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { settings, type Settings } from './settings';

/** The local master key when one is given (the local stack, tests); KMS otherwise (AWS). */
const keyringFor = ({ masterKey, kmsKeyId }: Settings): Keyring => {
  if (masterKey) return new LocalKeyring(masterKey);
  if (kmsKeyId) return new KmsKeyring(new KMSClient({}), kmsKeyId);
  const missing = () => Promise.reject(new Error('No key to seal customer data: set ORDO_KMS_KEY_ID or ORDO_MASTER_KEY'));
  return { generateDataKey: missing, unwrap: missing };
};

const build = () => new EnvelopeDataKeys(controlPlane(), keyringFor(settings()), systemClock);

/** Each account's data keys, which seal and unseal customer data. */
export const dataKeys = (): DataKeys => containerPart(build);
