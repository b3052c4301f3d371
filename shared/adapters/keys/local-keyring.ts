import { randomBytes } from 'node:crypto';
import { seal, unseal, type Sealed } from '../../domain/privacy/sealed';
import type { Keyring } from '../../ports/keyring';

/**
 * The local stand-in for KMS: data keys wrapped with AES-256-GCM under a master key from
 * the environment (ORDO_MASTER_KEY, 32 bytes in base64), in the same envelope scheme.
 */
export class LocalKeyring implements Keyring {
  private readonly masterKey: Buffer;

  constructor(masterKeyBase64: string) {
    this.masterKey = Buffer.from(masterKeyBase64, 'base64');
    if (this.masterKey.length !== 32) throw new Error('ORDO_MASTER_KEY must be 32 bytes, base64-encoded');
  }

  async generateDataKey(accountId: string): Promise<{ plaintext: Buffer; wrapped: string }> {
    const plaintext = randomBytes(32);
    const wrapped = seal(plaintext.toString('base64'), this.masterKey, `ordo-data-key:${accountId}`);
    return { plaintext, wrapped: Buffer.from(JSON.stringify(wrapped)).toString('base64') };
  }

  async unwrap(accountId: string, wrapped: string): Promise<Buffer> {
    const sealed = JSON.parse(Buffer.from(wrapped, 'base64').toString('utf8')) as Sealed;
    return Buffer.from(unseal<string>(sealed, this.masterKey, `ordo-data-key:${accountId}`), 'base64');
  }
}
