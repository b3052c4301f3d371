import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { KmsKeyring } from '../../../../shared/adapters/keys/kms-keyring';

const KEY_ID = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const PLAINTEXT = Uint8Array.from({ length: 32 }, (_, i) => i);
const CIPHERTEXT = Uint8Array.from({ length: 48 }, (_, i) => 255 - i);

describe('KmsKeyring', () => {
  const kmsMock = mockClient(KMSClient);
  const keyring = new KmsKeyring(new KMSClient({ region: 'us-east-1' }), KEY_ID);

  beforeEach(() => {
    kmsMock.reset();
  });

  afterAll(() => {
    kmsMock.restore();
  });

  describe('generateDataKey', () => {
    it('asks KMS for an AES-256 data key under the master key, bound to the account by the encryption context', async () => {
      // Prepare
      kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: PLAINTEXT, CiphertextBlob: CIPHERTEXT });

      // Act
      await keyring.generateDataKey('acme');

      // Assess
      expect(kmsMock.commandCalls(GenerateDataKeyCommand)[0].args[0].input).toEqual({
        KeyId: KEY_ID,
        KeySpec: 'AES_256',
        EncryptionContext: { accountId: 'acme' },
      });
    });

    it('returns the plain key and the wrapped key in base64', async () => {
      // Prepare
      kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: PLAINTEXT, CiphertextBlob: CIPHERTEXT });

      // Act
      const { plaintext, wrapped } = await keyring.generateDataKey('acme');

      // Assess
      expect(plaintext.equals(Buffer.from(PLAINTEXT))).toBe(true);
      expect(wrapped).toBe(Buffer.from(CIPHERTEXT).toString('base64'));
    });

    it('fails when KMS returns no data key', async () => {
      // Prepare
      kmsMock.on(GenerateDataKeyCommand).resolves({ CiphertextBlob: CIPHERTEXT });

      // Act
      const attempt = keyring.generateDataKey('acme');

      // Assess
      await expect(attempt).rejects.toThrow('KMS returned no data key');
    });
  });

  describe('unwrap', () => {
    it('asks KMS to decrypt the wrapped key with the same encryption context', async () => {
      // Prepare
      kmsMock.on(DecryptCommand).resolves({ Plaintext: PLAINTEXT });

      // Act
      await keyring.unwrap('acme', Buffer.from(CIPHERTEXT).toString('base64'));

      // Assess
      const input = kmsMock.commandCalls(DecryptCommand)[0].args[0].input;
      expect(input.EncryptionContext).toEqual({ accountId: 'acme' });
      expect(Buffer.from(input.CiphertextBlob ?? []).equals(Buffer.from(CIPHERTEXT))).toBe(true);
    });

    it('returns the plain key KMS decrypted', async () => {
      // Prepare
      kmsMock.on(DecryptCommand).resolves({ Plaintext: PLAINTEXT });

      // Act
      const key = await keyring.unwrap('acme', Buffer.from(CIPHERTEXT).toString('base64'));

      // Assess
      expect(key.equals(Buffer.from(PLAINTEXT))).toBe(true);
    });

    it('round-trips a key it generated: the wrapped form it returns is what it sends to Decrypt', async () => {
      // Prepare
      kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: PLAINTEXT, CiphertextBlob: CIPHERTEXT });
      kmsMock.on(DecryptCommand).resolves({ Plaintext: PLAINTEXT });
      const { wrapped } = await keyring.generateDataKey('acme');

      // Act
      await keyring.unwrap('acme', wrapped);

      // Assess
      const sent = kmsMock.commandCalls(DecryptCommand)[0].args[0].input.CiphertextBlob;
      expect(Buffer.from(sent ?? []).equals(Buffer.from(CIPHERTEXT))).toBe(true);
    });

    it('lets a refusal by KMS through, as when the encryption context names another account', async () => {
      // Prepare
      const refused = new Error('InvalidCiphertextException');
      kmsMock.on(DecryptCommand).rejects(refused);

      // Act
      const attempt = keyring.unwrap('globex', Buffer.from(CIPHERTEXT).toString('base64'));

      // Assess
      await expect(attempt).rejects.toBe(refused);
    });

    it('fails when KMS returns no plaintext', async () => {
      // Prepare
      kmsMock.on(DecryptCommand).resolves({});

      // Act
      const attempt = keyring.unwrap('acme', Buffer.from(CIPHERTEXT).toString('base64'));

      // Assess
      await expect(attempt).rejects.toThrow('KMS returned no plaintext');
    });
  });
});
