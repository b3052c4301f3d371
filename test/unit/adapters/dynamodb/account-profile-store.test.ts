import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoAccountProfileStore } from '../../../../shared/adapters/dynamodb/dynamo-account-profile-store';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import type { AccountProfile } from '../../../../shared/ports/account-profile-store';

const profile: AccountProfile = {
  accountId: 'acme',
  name: 'Acme',
  environment: 'production',
  createdOn: '2025-01-01T00:00:00.000Z',
};

describe('DynamoAccountProfileStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoAccountProfileStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })));

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('writes the profile into the table it is given', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    await store.put('ordo-unit-acct-acme', profile);

    // Assess
    const input = ddbMock.commandCalls(PutCommand)[0].args[0].input;
    expect(input.TableName).toBe('ordo-unit-acct-acme');
    expect(input.Item).toMatchObject(profile);
  });

  it('reads back, from the same key, the profile it wrote', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    await store.put('ordo-unit-acct-acme', profile);
    const written = ddbMock.commandCalls(PutCommand)[0].args[0].input.Item ?? {};
    ddbMock.on(GetCommand).callsFake((input: { Key: Record<string, unknown> }) => {
      const matches = Object.entries(input.Key).every(([name, value]) => written[name] === value);
      return { Item: matches ? written : undefined };
    });

    // Act
    const found = await store.get('ordo-unit-acct-acme');

    // Assess
    expect(found).toEqual(profile);
  });

  it('reads from the table it is given', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    await store.get('ordo-unit-acct-globex');

    // Assess
    expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.TableName).toBe('ordo-unit-acct-globex');
  });

  it('returns only the profile fields of the stored item', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { PK: 'ACCOUNT', SK: 'PROFILE', ...profile, internalNote: 'x' } });

    // Act
    const found = await store.get('ordo-unit-acct-acme');

    // Assess
    expect(found).toEqual(profile);
  });

  it('returns undefined when the table holds no profile', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const found = await store.get('ordo-unit-acct-acme');

    // Assess
    expect(found).toBeUndefined();
  });
});
