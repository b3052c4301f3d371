import { randomBytes } from 'node:crypto';
import { LocalKeyring } from '../../../../shared/adapters/keys/local-keyring';
import type { Account } from '../../../../shared/domain/accounts/account';
import { ConflictError } from '../../../../shared/domain/domain-errors';
import { CURRENT_KEY_ID_TTL_MS, DATA_KEY_TTL_MS, EnvelopeDataKeys } from '../../../../shared/domain/privacy/envelope-data-keys';
import { ManualClock } from '../../../support/clock';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';

const START = new Date('2025-03-14T09:00:00.000Z');

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
  let clock: ManualClock;
  let keys: EnvelopeDataKeys;

  const later = (ms: number) => clock.advance(ms);
  const storedKey = (accountId: string, keyId: string) => controlPlane.dataKeys.get(accountId)?.get(keyId);

  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    await controlPlane.createAccount(account('acme'));
    await controlPlane.createAccount(account('globex'));
    keyring = new LocalKeyring(randomBytes(32).toString('base64'));
    clock = new ManualClock(START);
    keys = new EnvelopeDataKeys(controlPlane, keyring, clock);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('the current key', () => {
    it('is made on first use as the first key, 256 bits, and stored wrapped with its id and date', async () => {
      // Act
      const { keyId, key } = await keys.currentKey('acme');

      // Assess
      const stored = storedKey('acme', 'dk1');
      expect(keyId).toBe('dk1');
      expect(key).toHaveLength(32);
      expect(stored).toMatchObject({ keyId: 'dk1', createdOn: START.toISOString() });
      expect((await keyring.unwrap('acme', stored?.wrapped as string)).equals(key)).toBe(true);
      expect(controlPlane.currentDataKeyIds.get('acme')).toBe('dk1');
    });

    it('is never stored in plain', async () => {
      // Act
      const { key } = await keys.currentKey('acme');

      // Assess
      const wrapped = storedKey('acme', 'dk1')?.wrapped as string;
      expect(wrapped).not.toContain(key.toString('base64'));
      expect(Buffer.from(wrapped, 'base64').toString('utf8')).not.toContain(key.toString('base64'));
    });

    it('is the same key on later uses, without making another', async () => {
      // Prepare
      const first = await keys.currentKey('acme');
      const generate = jest.spyOn(keyring, 'generateDataKey');

      // Act
      const again = await keys.currentKey('acme');

      // Assess
      expect(again.key.equals(first.key)).toBe(true);
      expect(generate).not.toHaveBeenCalled();
    });

    it('is the stored key in a new instance, as another container would see it', async () => {
      // Prepare
      const first = await keys.currentKey('acme');
      const generate = jest.spyOn(keyring, 'generateDataKey');

      // Act
      const elsewhere = await new EnvelopeDataKeys(controlPlane, keyring, clock).currentKey('acme');

      // Assess
      expect(elsewhere).toEqual(first);
      expect(generate).not.toHaveBeenCalled();
    });

    it('is the one another container stored first when both made one at the same time', async () => {
      // Prepare
      const other = new EnvelopeDataKeys(controlPlane, keyring, clock);

      // Act
      const [ours, theirs] = await Promise.all([keys.currentKey('acme'), other.currentKey('acme')]);

      // Assess
      expect(ours.key.equals(theirs.key)).toBe(true);
      expect(controlPlane.dataKeys.get('acme')?.size).toBe(1);
    });

    it('is loaded once for uses made while it is being loaded', async () => {
      // Prepare
      const generate = jest.spyOn(keyring, 'generateDataKey');

      // Act
      const [first, second] = await Promise.all([keys.currentKey('acme'), keys.currentKey('acme')]);

      // Assess
      expect(generate).toHaveBeenCalledTimes(1);
      expect(first.key.equals(second.key)).toBe(true);
    });

    it('differs from one account to the next', async () => {
      // Act
      const acme = await keys.currentKey('acme');
      const globex = await keys.currentKey('globex');

      // Assess
      expect(acme.key.equals(globex.key)).toBe(false);
    });

    it('is tried again on the next use after a failed load', async () => {
      // Prepare
      jest.spyOn(controlPlane, 'getCurrentDataKeyId').mockRejectedValueOnce(new Error('Rate exceeded'));
      await expect(keys.currentKey('acme')).rejects.toThrow('Rate exceeded');

      // Act
      const { key } = await keys.currentKey('acme');

      // Assess
      expect(key).toHaveLength(32);
    });

    it('cannot be made for an account that does not exist', async () => {
      // Act
      const attempt = keys.currentKey('nobody');

      // Assess
      await expect(attempt).rejects.toThrow('Account nobody has no data key');
      expect(controlPlane.dataKeys.has('nobody')).toBe(false);
    });
  });

  describe('the plain key cache', () => {
    it('unwraps a key again once it has been in memory for 5 minutes', async () => {
      // Prepare
      await new EnvelopeDataKeys(controlPlane, keyring, clock).currentKey('acme');
      const unwrap = jest.spyOn(keyring, 'unwrap');
      await keys.keyById('acme', 'dk1');
      later(DATA_KEY_TTL_MS - 1);
      await keys.keyById('acme', 'dk1');
      expect(unwrap).toHaveBeenCalledTimes(1);

      // Act
      later(1);
      const key = await keys.keyById('acme', 'dk1');

      // Assess
      expect(unwrap).toHaveBeenCalledTimes(2);
      expect(key).toHaveLength(32);
    });

    it('picks up a rotation made by another container within a minute', async () => {
      // Prepare
      await keys.currentKey('acme');
      const rotated = await new EnvelopeDataKeys(controlPlane, keyring, clock).rotate('acme');
      expect((await keys.currentKey('acme')).keyId).toBe('dk1');

      // Act
      later(CURRENT_KEY_ID_TTL_MS);
      const current = await keys.currentKey('acme');

      // Assess
      expect(current.keyId).toBe(rotated.keyId);
    });

    it('knows no key by an id the account never had', async () => {
      // Prepare
      await keys.currentKey('acme');

      // Act
      const key = await keys.keyById('acme', 'dk9');

      // Assess
      expect(key).toBeUndefined();
    });
  });

  describe('rotation', () => {
    it('starts a new key for new values and keeps the old one for reading', async () => {
      // Prepare
      const first = await keys.currentKey('acme');

      // Act
      const rotated = await keys.rotate('acme');

      // Assess
      const current = await keys.currentKey('acme');
      expect(rotated).toEqual({ keyId: 'dk2', createdOn: START.toISOString() });
      expect(current.keyId).toBe('dk2');
      expect(current.key.equals(first.key)).toBe(false);
      expect((await keys.keyById('acme', 'dk1'))?.equals(first.key)).toBe(true);
      expect([...(controlPlane.dataKeys.get('acme')?.keys() ?? [])]).toEqual(['dk1', 'dk2']);
    });

    it('makes the first key of an account that has none yet', async () => {
      // Act
      const rotated = await keys.rotate('acme');

      // Assess
      expect(rotated.keyId).toBe('dk1');
      expect((await keys.currentKey('acme')).keyId).toBe('dk1');
    });

    it('tries again from the new current key when another rotation got in between', async () => {
      // Prepare
      await keys.currentKey('acme');
      const add = controlPlane.addDataKey.bind(controlPlane);
      const other = new EnvelopeDataKeys(controlPlane, keyring, clock);
      jest.spyOn(controlPlane, 'addDataKey').mockImplementationOnce(async (accountId, key, replacing) => {
        await other.rotate(accountId);
        return add(accountId, key, replacing);
      });

      // Act
      const rotated = await keys.rotate('acme');

      // Assess
      expect(rotated.keyId).toBe('dk3');
      expect(controlPlane.currentDataKeyIds.get('acme')).toBe('dk3');
    });

    it('gives up with a conflict when other rotations keep getting in between', async () => {
      // Prepare
      await keys.currentKey('acme');
      jest.spyOn(controlPlane, 'addDataKey').mockResolvedValue(false);

      // Act
      const attempt = keys.rotate('acme');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    });
  });
});
