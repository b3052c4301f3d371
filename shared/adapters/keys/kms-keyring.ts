import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { Keyring } from '../../ports/keyring';

/** Envelope encryption with KMS: KMS wraps each account's data key; the account id is the encryption context. */
export class KmsKeyring implements Keyring {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async generateDataKey(accountId: string): Promise<{ plaintext: Buffer; wrapped: string }> {
    const { Plaintext, CiphertextBlob } = await this.client.send(
      new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: { accountId } }),
    );
    if (!Plaintext || !CiphertextBlob) throw new Error('KMS returned no data key');
    return { plaintext: Buffer.from(Plaintext), wrapped: Buffer.from(CiphertextBlob).toString('base64') };
  }

  async unwrap(accountId: string, wrapped: string): Promise<Buffer> {
    const { Plaintext } = await this.client.send(
      new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: Buffer.from(wrapped, 'base64'), EncryptionContext: { accountId } }),
    );
    if (!Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(Plaintext);
  }
}
