import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type ApiKeyStatus = 'ACTIVE' | 'REVOKED';

/** What is stored for a key: never the key itself, only a hash of its secret part. */
export interface ApiKeyRecord {
  keyId: string;
  accountId: string;
  /** A built-in role or one of the account's custom roles, by name. */
  role: string;
  retailerId?: string;
  secretHash: string;
  status: ApiKeyStatus;
  createdOn: string;
  revokedOn?: string;
  /** The key gets 401 from this time on. */
  expiresOn?: string;
  /** When the key last authenticated, to the minute: written at most once a minute. */
  lastUsedOn?: string;
}

const PREFIX = 'ordo';
const KEY_PATTERN = /^ordo_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const KEY_ID = /^[0-9a-f]{16}$/;

/** Whether `keyId` is the shape issueApiKey makes: any other names no key. */
export const isKeyId = (keyId: string): boolean => KEY_ID.test(keyId);

// Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const issueApiKey = (): { keyId: string; apiKey: string; secretHash: string } => {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `${PREFIX}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
};

export const parseApiKey = (apiKey: string): { keyId: string; secret: string } | undefined => {
  const match = KEY_PATTERN.exec(apiKey);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
};

export const secretMatches = (secret: string, secretHash: string): boolean => {
  const expected = Buffer.from(secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
