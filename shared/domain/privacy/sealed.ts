import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A value encrypted with AES-256-GCM: what is stored instead of the customer's data. */
export interface Sealed {
  v: 1;
  alg: 'A256GCM';
  /** The data key it was sealed with; absent on values sealed before keys could be rotated. */
  kid?: string;
  iv: string;
  tag: string;
  data: string;
}

export const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as Sealed).alg === 'A256GCM' && (value as Sealed).v === 1;

/**
 * `context` (the account and the record) is bound in as associated data, so a sealed value cannot be moved to another record.
 * `keyId` names the data key, so a value stays readable after the account's key is rotated.
 */
export const seal = (value: unknown, key: Buffer, context: string, keyId?: string): Sealed => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    v: 1,
    alg: 'A256GCM',
    ...(keyId ? { kid: keyId } : {}),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
};

export const unseal = <T>(sealed: Sealed, key: Buffer, context: string): T => {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
};
