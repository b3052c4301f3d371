import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { controlPlane } from '../../shared/composition/control-plane';
import { documentClient } from '../../shared/composition/dynamodb-clients';
import { eventSourceRegistry } from '../../shared/composition/event-source-registrations';
import { settings } from '../../shared/composition/settings';
import type { Account } from '../../shared/domain/accounts/account';
import type { ApiKeyRecord } from '../../shared/domain/accounts/api-key';
import { ConflictError } from '../../shared/domain/domain-errors';
import type { EventSourceRegistration } from '../../shared/ports/event-source-registry';
import { uniqueAccountId } from './control-plane-api';

// The control table's conditional writes, refused or let through by DynamoDB Local itself.
const store = () => controlPlane();
const table = () => settings().controlTableName;

/** Every item this file writes, removed afterwards so later files that list accounts never meet them. */
const written: Record<string, string>[] = [];

const storedItem = async (key: Record<string, string>) =>
  (await documentClient().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;

const storedAccount = async (status: Account['status'] = 'PROVISIONING'): Promise<Account> => {
  const accountId = uniqueAccountId('cps');
  const account: Account = {
    accountId,
    name: 'Control plane store',
    environment: 'sandbox',
    region: 'us-east-1',
    status,
    tableName: `ordo-sandbox-acct-${accountId}`,
    createdOn: '2025-01-01T00:00:00.000Z',
  };
  await store().createAccount(account);
  written.push({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' });
  return account;
};

const storedKey = async (accountId: string, retailerId?: string): Promise<ApiKeyRecord> => {
  const record: ApiKeyRecord = {
    keyId: randomBytes(8).toString('hex'),
    accountId,
    ...(retailerId ? { retailerId } : {}),
    role: 'ADMIN',
    secretHash: 'ab'.repeat(32),
    status: 'ACTIVE',
    createdOn: '2025-01-01T00:00:00.000Z',
  };
  await store().putApiKey(record);
  written.push({ PK: `APIKEY#${record.keyId}`, SK: 'APIKEY' });
  return record;
};

/** A source registered to `accountId`, bound to `retailerId` when one is given. */
const registeredSource = async (accountId: string, retailerId?: string): Promise<EventSourceRegistration> => {
  const registration: EventSourceRegistration = {
    source: `shop.${randomBytes(6).toString('hex')}`,
    accountId,
    awsAccountId: '123456789012',
    claimedOn: '2025-03-01T00:00:00.000Z',
    ...(retailerId ? { retailerId } : {}),
  };
  await eventSourceRegistry().claim(registration, retailerId ? { retailerId } : {});
  written.push({ PK: `SOURCE#${registration.source}`, SK: 'SOURCE' });
  return registration;
};

const wrapped = (keyId: string) => ({ keyId, wrapped: `wrapped-${keyId}`, createdOn: '2025-03-14T09:00:00.000Z' });

afterAll(async () => {
  await Promise.all(written.map((Key) => documentClient().send(new DeleteCommand({ TableName: table(), Key }))));
});

describe('DynamoControlPlaneStore on DynamoDB Local', () => {
  describe('setAccountStatus', () => {
    it('suspends an ACTIVE account and returns it as it now is', async () => {
      // Prepare
      const account = await storedAccount('ACTIVE');

      // Act
      const changed = await store().setAccountStatus(account.accountId, 'SUSPENDED', '2025-07-01T09:00:00.000Z');

      // Assess
      const suspended = { ...account, status: 'SUSPENDED', statusChangedOn: '2025-07-01T09:00:00.000Z' };
      expect(changed).toEqual(suspended);
      expect(await store().getAccount(account.accountId)).toEqual(suspended);
    });

    it('leaves an account that is still PROVISIONING as it is', async () => {
      // Prepare
      const account = await storedAccount();

      // Act
      const changed = await store().setAccountStatus(account.accountId, 'ACTIVE', '2025-07-01T09:00:00.000Z');

      // Assess
      expect(changed).toBeUndefined();
      expect(await store().getAccount(account.accountId)).toEqual(account);
    });

    it('writes no record for an account that does not exist', async () => {
      // Prepare
      const accountId = uniqueAccountId('cps-none');

      // Act
      const changed = await store().setAccountStatus(accountId, 'SUSPENDED', '2025-07-01T09:00:00.000Z');

      // Assess
      expect(changed).toBeUndefined();
      expect(await storedItem({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' })).toBeUndefined();
    });
  });

  describe('putApiKey', () => {
    it('refuses to overwrite a key that is already stored, which keeps its secret hash', async () => {
      // Prepare
      const account = await storedAccount();
      const first = await storedKey(account.accountId);

      // Act
      const overwrite = store().putApiKey({ ...first, secretHash: 'cd'.repeat(32) });

      // Assess
      await expect(overwrite).rejects.toBeInstanceOf(ConditionalCheckFailedException);
      expect((await store().getApiKey(first.keyId))?.secretHash).toBe(first.secretHash);
    });
  });

  describe('revokeApiKey', () => {
    it('revokes an ACTIVE key of the account, recording when', async () => {
      // Prepare
      const { accountId } = await storedAccount();
      const key = await storedKey(accountId);

      // Act
      const revoked = await store().revokeApiKey(accountId, key.keyId, '2025-06-01T00:00:00.000Z');

      // Assess
      expect(revoked).toBe(true);
      expect(await store().getApiKey(key.keyId)).toMatchObject({ status: 'REVOKED', revokedOn: '2025-06-01T00:00:00.000Z' });
    });

    it("refuses to revoke another account's key, which stays ACTIVE", async () => {
      // Prepare
      const key = await storedKey((await storedAccount()).accountId);
      const { accountId: intruder } = await storedAccount();

      // Act
      const revoked = await store().revokeApiKey(intruder, key.keyId, '2025-06-01T00:00:00.000Z');

      // Assess
      expect(revoked).toBe(false);
      expect((await store().getApiKey(key.keyId))?.status).toBe('ACTIVE');
    });

    it('refuses to revoke a key twice, keeping the first revocation time', async () => {
      // Prepare
      const { accountId } = await storedAccount();
      const key = await storedKey(accountId);
      await store().revokeApiKey(accountId, key.keyId, '2025-06-01T00:00:00.000Z');

      // Act
      const again = await store().revokeApiKey(accountId, key.keyId, '2025-06-02T00:00:00.000Z');

      // Assess
      expect(again).toBe(false);
      expect((await store().getApiKey(key.keyId))?.revokedOn).toBe('2025-06-01T00:00:00.000Z');
    });

    it("refuses a retailer's revocation of a key of another retailer", async () => {
      // Prepare
      const { accountId } = await storedAccount();
      const key = await storedKey(accountId, 'r2');

      // Act
      const revoked = await store().revokeApiKey(accountId, key.keyId, '2025-06-01T00:00:00.000Z', 'r1');

      // Assess
      expect(revoked).toBe(false);
      expect((await store().getApiKey(key.keyId))?.status).toBe('ACTIVE');
    });

    it('lets a retailer revoke a key of its own', async () => {
      // Prepare
      const { accountId } = await storedAccount();
      const key = await storedKey(accountId, 'r1');

      // Act
      const revoked = await store().revokeApiKey(accountId, key.keyId, '2025-06-01T00:00:00.000Z', 'r1');

      // Assess
      expect(revoked).toBe(true);
      expect((await store().getApiKey(key.keyId))?.status).toBe('REVOKED');
    });
  });

  describe('recordApiKeyUse', () => {
    it('records the first use of a key', async () => {
      // Prepare
      const key = await storedKey((await storedAccount()).accountId);

      // Act
      const recorded = await store().recordApiKeyUse(key.keyId, '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Assess
      expect(recorded).toBe(true);
      expect((await store().getApiKey(key.keyId))?.lastUsedOn).toBe('2025-06-01T12:00:00.000Z');
    });

    it('skips a use within the minute after the last one recorded, keeping the earlier time', async () => {
      // Prepare
      const key = await storedKey((await storedAccount()).accountId);
      await store().recordApiKeyUse(key.keyId, '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Act
      const recorded = await store().recordApiKeyUse(key.keyId, '2025-06-01T12:00:30.000Z', '2025-06-01T11:59:30.000Z');

      // Assess
      expect(recorded).toBe(false);
      expect((await store().getApiKey(key.keyId))?.lastUsedOn).toBe('2025-06-01T12:00:00.000Z');
    });

    it('records a use once the last one is older than the given time', async () => {
      // Prepare
      const key = await storedKey((await storedAccount()).accountId);
      await store().recordApiKeyUse(key.keyId, '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Act
      const recorded = await store().recordApiKeyUse(key.keyId, '2025-06-01T12:01:00.000Z', '2025-06-01T12:00:00.000Z');

      // Assess
      expect(recorded).toBe(true);
      expect((await store().getApiKey(key.keyId))?.lastUsedOn).toBe('2025-06-01T12:01:00.000Z');
    });

    it('creates no key record for a key id that is not stored', async () => {
      // Prepare
      const keyId = 'ffffffffffff0000';

      // Act
      const recorded = await store().recordApiKeyUse(keyId, '2025-06-01T12:00:00.000Z', '2025-06-01T11:59:00.000Z');

      // Assess
      expect(recorded).toBe(false);
      expect(await store().getApiKey(keyId)).toBeUndefined();
    });
  });

  describe('addDataKey', () => {
    it('lets only the first of two rotations from the same current key make its key current', async () => {
      // Prepare
      const { accountId } = await storedAccount();
      await store().addDataKey(accountId, wrapped('dk2'), undefined);

      // Act
      const first = await store().addDataKey(accountId, wrapped('dk3'), 'dk2');
      const second = await store().addDataKey(accountId, wrapped('dk4'), 'dk2');

      // Assess
      expect([first, second]).toEqual([true, false]);
      expect(await store().getCurrentDataKeyId(accountId)).toBe('dk3');
      expect(await store().getWrappedDataKey(accountId, 'dk4')).toBeUndefined();
    });

    it('never replaces a key id the account already holds', async () => {
      // Prepare
      const { accountId } = await storedAccount();
      await store().addDataKey(accountId, wrapped('dk2'), undefined);

      // Act
      const again = await store().addDataKey(accountId, { ...wrapped('dk2'), wrapped: 'another' }, 'dk2');

      // Assess
      expect(again).toBe(false);
      expect(await store().getWrappedDataKey(accountId, 'dk2')).toEqual(wrapped('dk2'));
    });
  });

});

describe('DynamoEventSourceRegistry on DynamoDB Local', () => {
  const sources = () => eventSourceRegistry();

  it('refuses a claim of a source another account holds with a ConflictError naming source, leaving it theirs', async () => {
    // Prepare
    const theirs = await registeredSource('cps-owner');

    // Act
    const claim = sources().claim({ ...theirs, accountId: 'cps-intruder' }, {});

    // Assess
    await expect(claim).rejects.toBeInstanceOf(ConflictError);
    await expect(claim).rejects.toMatchObject({ field: 'source' });
    expect((await sources().registrationOf(theirs.source))?.accountId).toBe('cps-owner');
  });

  it("lets the account's unscoped claim take back a source bound to one of its retailers", async () => {
    // Prepare
    const bound = await registeredSource('cps-owner', 'r1');

    // Act
    await sources().claim({ ...bound, retailerId: undefined, awsAccountId: '210987654321' }, {});

    // Assess
    expect(await sources().registrationOf(bound.source)).toMatchObject({ accountId: 'cps-owner', awsAccountId: '210987654321' });
  });

  it("refuses a retailer's claim of a source bound to another retailer of the account", async () => {
    // Prepare
    const bound = await registeredSource('cps-owner', 'r2');

    // Act
    const claim = sources().claim({ ...bound, retailerId: 'r1' }, { retailerId: 'r1' });

    // Assess
    await expect(claim).rejects.toBeInstanceOf(ConflictError);
    expect((await sources().registrationOf(bound.source))?.retailerId).toBe('r2');
  });

  it('does not release for a retailer a source bound to another retailer, which stays registered', async () => {
    // Prepare
    const bound = await registeredSource('cps-owner', 'r2');

    // Act
    const released = await sources().release(bound.source, 'cps-owner', { retailerId: 'r1' });

    // Assess
    expect(released).toBe(false);
    expect(await sources().registrationOf(bound.source)).toBeDefined();
  });

  it("releases a source of the account for the account's unscoped caller", async () => {
    // Prepare
    const bound = await registeredSource('cps-owner', 'r2');

    // Act
    const released = await sources().release(bound.source, 'cps-owner', {});

    // Assess
    expect(released).toBe(true);
    expect(await sources().registrationOf(bound.source)).toBeUndefined();
  });
});
