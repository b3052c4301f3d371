import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { roles } from '../../shared/composition/authentication';
import { controlPlane } from '../../shared/composition/control-plane';
import { documentClient } from '../../shared/composition/dynamodb-clients';
import { settings } from '../../shared/composition/settings';
import type { CustomRole } from '../../shared/domain/accounts/custom-role';
import { uniqueAccountId } from './control-plane-api';

// DynamoRoleStore.put's conditions, refused or let through by DynamoDB Local itself.
const CREATED_ON = '2025-01-01T00:00:00.000Z';
const READ_ON = '2025-02-01T00:00:00.000Z';
const LATER_ON = '2025-03-01T00:00:00.000Z';

/** Every role this file writes, removed afterwards so later files that list roles never meet them. */
const writtenKeys: Record<string, string>[] = [];

const auditor = (accountId: string, overrides: Partial<CustomRole> = {}): CustomRole => ({
  accountId,
  name: 'auditor',
  permissions: ['ORDER_READ', 'EVENT_READ'],
  createdOn: CREATED_ON,
  updatedOn: READ_ON,
  ...overrides,
});

/** A role stored for `accountId` (a new account unless given), as the store created it. */
const storedRole = async (accountId = uniqueAccountId('roles'), name = 'auditor'): Promise<CustomRole> => {
  const role = auditor(accountId, { name });
  await roles().put(role, undefined);
  writtenKeys.push({ PK: `ACCOUNT#${role.accountId}`, SK: `ROLE#${role.name}` });
  return role;
};

afterAll(async () => {
  await Promise.all(writtenKeys.map((Key) => documentClient().send(new DeleteCommand({ TableName: settings().controlTableName, Key }))));
});

describe('DynamoRoleStore on DynamoDB Local', () => {
  it('refuses to create a role the account already has, keeping the stored one', async () => {
    // Prepare
    const role = await storedRole();

    // Act
    const written = await roles().put({ ...role, permissions: ['ORDER_CREATE'], updatedOn: LATER_ON }, undefined);

    // Assess
    expect(written).toBe(false);
    expect(await roles().get(role.accountId, role.name)).toEqual(role);
  });

  it('refuses to replace a role that changed since it was read, keeping the stored one', async () => {
    // Prepare
    const role = await storedRole();

    // Act
    const written = await roles().put({ ...role, permissions: ['ORDER_CREATE'], updatedOn: LATER_ON }, CREATED_ON);

    // Assess
    expect(written).toBe(false);
    expect(await roles().get(role.accountId, role.name)).toEqual(role);
  });

  it('replaces a role that is still as it was read', async () => {
    // Prepare
    const role = await storedRole();
    const replacement = { ...role, permissions: ['ORDER_CREATE' as const], updatedOn: LATER_ON };

    // Act
    const written = await roles().put(replacement, role.updatedOn);

    // Assess
    expect(written).toBe(true);
    expect(await roles().get(role.accountId, role.name)).toEqual(replacement);
  });

  it("lists the account's roles and nothing else of its partition, nor another account's roles", async () => {
    // Prepare
    const accountId = uniqueAccountId('roles');
    await controlPlane().createAccount({
      accountId,
      name: 'Roles',
      environment: 'sandbox',
      region: 'us-east-1',
      status: 'ACTIVE',
      tableName: `ordo-sandbox-acct-${accountId}`,
      createdOn: CREATED_ON,
    });
    writtenKeys.push({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' });
    const own = [await storedRole(accountId, 'auditor'), await storedRole(accountId, 'packer')];
    await storedRole();

    // Act
    const listed = await roles().list(accountId);

    // Assess
    expect(listed).toEqual(own);
  });
});
