import { randomBytes } from 'node:crypto';
import { LocalKeyring } from '../../../../shared/adapters/keys/local-keyring';
import type { Account } from '../../../../shared/domain/accounts/account';
import { EnvelopeDataKeys } from '../../../../shared/domain/privacy/envelope-data-keys';
import { InMemoryControlPlaneStore } from '../../fakes/control-plane-store';

const account = (accountId: string): Account => ({
  accountId,
  name: accountId,
  environment: 'sandbox',
  region: 'us-east-1',
  status: 'ACTIVE',
  tableName: `ordo-unit-acct-${accountId}`,
  createdOn: '2025-01-01T00:00:00.000Z',
});

describe('EnvelopeDataKeys', () => {
  let controlPlane: InMemoryControlPlaneStore;
  let keyring: LocalKeyring;
  let keys: EnvelopeDataKeys;

  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    await controlPlane.createAccount(account('acme'));
    await controlPlane.createAccount(account('globex'));
    keyring = new LocalKeyring(randomBytes(32).toString('base64'));
    keys = new EnvelopeDataKeys(controlPlane, keyring);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('creates a 256-bit key on first use and stores it wrapped on the account', async () => {
    // Act
    const key = await keys.dataKeyFor('acme');

    // Assess
    const wrapped = controlPlane.dataKeys.get('acme');
    expect(key).toHaveLength(32);
    expect(wrapped).toBeDefined();
    expect((await keyring.unwrap('acme', wrapped as string)).equals(key)).toBe(true);
  });

  it('does not store the plain key', async () => {
    // Act
    const key = await keys.dataKeyFor('acme');

    // Assess
    const wrapped = controlPlane.dataKeys.get('acme') as string;
    expect(wrapped).not.toContain(key.toString('base64'));
    expect(Buffer.from(wrapped, 'base64').toString('utf8')).not.toContain(key.toString('base64'));
  });

  it('returns the same key on later uses without making another', async () => {
    // Prepare
    const first = await keys.dataKeyFor('acme');
    const generate = jest.spyOn(keyring, 'generateDataKey');

    // Act
    const again = await keys.dataKeyFor('acme');

    // Assess
    expect(again.equals(first)).toBe(true);
    expect(generate).not.toHaveBeenCalled();
  });

  it('returns the stored key in a new instance, as another container would', async () => {
    // Prepare
    const first = await keys.dataKeyFor('acme');
    const generate = jest.spyOn(keyring, 'generateDataKey');

    // Act
    const elsewhere = await new EnvelopeDataKeys(controlPlane, keyring).dataKeyFor('acme');

    // Assess
    expect(elsewhere.equals(first)).toBe(true);
    expect(generate).not.toHaveBeenCalled();
  });

  it('uses the key another container stored first when both created one at the same time', async () => {
    // Prepare
    const generate = jest.spyOn(keyring, 'generateDataKey');
    const other = new EnvelopeDataKeys(controlPlane, keyring);

    // Act
    const [ours, theirs] = await Promise.all([keys.dataKeyFor('acme'), other.dataKeyFor('acme')]);

    // Assess
    expect(generate).toHaveBeenCalledTimes(2);
    expect(ours.equals(theirs)).toBe(true);
    expect((await keyring.unwrap('acme', controlPlane.dataKeys.get('acme') as string)).equals(ours)).toBe(true);
  });

  it('uses the stored key when another container stored one between its read and its write', async () => {
    // Prepare
    const theirs = await keyring.generateDataKey('acme');
    const setIfAbsent = controlPlane.setWrappedDataKeyIfAbsent.bind(controlPlane);
    jest.spyOn(controlPlane, 'setWrappedDataKeyIfAbsent').mockImplementationOnce(async (accountId, wrapped) => {
      controlPlane.dataKeys.set(accountId, theirs.wrapped);
      return setIfAbsent(accountId, wrapped);
    });

    // Act
    const key = await keys.dataKeyFor('acme');

    // Assess
    expect(key.equals(theirs.plaintext)).toBe(true);
    expect(controlPlane.dataKeys.get('acme')).toBe(theirs.wrapped);
  });

  it('makes one key per account', async () => {
    // Act
    const acme = await keys.dataKeyFor('acme');
    const globex = await keys.dataKeyFor('globex');

    // Assess
    expect(acme.equals(globex)).toBe(false);
  });

  it('loads the key once for uses made while it is being loaded', async () => {
    // Prepare
    const generate = jest.spyOn(keyring, 'generateDataKey');

    // Act
    const [first, second] = await Promise.all([keys.dataKeyFor('acme'), keys.dataKeyFor('acme')]);

    // Assess
    expect(generate).toHaveBeenCalledTimes(1);
    expect(first.equals(second)).toBe(true);
  });

  it('tries again on the next use after a failed load', async () => {
    // Prepare
    jest.spyOn(controlPlane, 'getWrappedDataKey').mockRejectedValueOnce(new Error('Rate exceeded'));
    await expect(keys.dataKeyFor('acme')).rejects.toThrow('Rate exceeded');

    // Act
    const key = await keys.dataKeyFor('acme');

    // Assess
    expect(key).toHaveLength(32);
  });

  it('fails when the key can be neither stored nor read, as for an account that does not exist', async () => {
    // Act
    const attempt = keys.dataKeyFor('nobody');

    // Assess
    await expect(attempt).rejects.toThrow('Account nobody has no data key');
    expect(controlPlane.dataKeys.has('nobody')).toBe(false);
  });
});
