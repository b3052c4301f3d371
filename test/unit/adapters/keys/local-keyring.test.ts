import { randomBytes } from 'node:crypto';
import { LocalKeyring } from '../../../../shared/adapters/keys/local-keyring';

const masterKey = () => randomBytes(32).toString('base64');

describe('LocalKeyring', () => {
  const keyring = new LocalKeyring(masterKey());

  it('makes a 256-bit data key', async () => {
    // Act
    const { plaintext } = await keyring.generateDataKey('acme');

    // Assess
    expect(plaintext).toHaveLength(32);
  });

  it('unwraps a wrapped data key back to the same key for the same account', async () => {
    // Prepare
    const { plaintext, wrapped } = await keyring.generateDataKey('acme');

    // Act
    const unwrapped = await keyring.unwrap('acme', wrapped);

    // Assess
    expect(unwrapped.equals(plaintext)).toBe(true);
  });

  it('does not show the data key in its wrapped form', async () => {
    // Act
    const { plaintext, wrapped } = await keyring.generateDataKey('acme');

    // Assess
    const decoded = Buffer.from(wrapped, 'base64').toString('utf8');
    expect(decoded).not.toContain(plaintext.toString('base64'));
    expect(Buffer.from(wrapped, 'base64').includes(plaintext)).toBe(false);
  });

  it('makes a different data key each time', async () => {
    // Act
    const first = await keyring.generateDataKey('acme');
    const second = await keyring.generateDataKey('acme');

    // Assess
    expect(first.plaintext.equals(second.plaintext)).toBe(false);
  });

  it('refuses to unwrap the data key of one account for another account', async () => {
    // Prepare
    const { wrapped } = await keyring.generateDataKey('acme');

    // Act
    const attempt = keyring.unwrap('globex', wrapped);

    // Assess
    await expect(attempt).rejects.toThrow();
  });

  it('cannot unwrap a data key wrapped under another master key', async () => {
    // Prepare
    const { wrapped } = await new LocalKeyring(masterKey()).generateDataKey('acme');

    // Act
    const attempt = keyring.unwrap('acme', wrapped);

    // Assess
    await expect(attempt).rejects.toThrow();
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['empty', ''],
  ])('refuses a master key that is %s instead of 32', (_size, key) => {
    // Act
    const create = () => new LocalKeyring(key);

    // Assess
    expect(create).toThrow('ORDO_MASTER_KEY must be 32 bytes');
  });
});
