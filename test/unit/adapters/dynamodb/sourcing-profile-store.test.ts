import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoSourcingProfileStore } from '../../../../shared/adapters/dynamodb/dynamo-sourcing-profile-store';
import type { SourcingProfile } from '../../../../shared/domain/sourcing/sourcing-model';

const TABLE = 'ordo-unit-acct-acme';

const profile: SourcingProfile = {
  maxSplit: 2,
  locationTypes: ['WAREHOUSE'],
  ranking: ['SHORTEST_DISTANCE', 'FEWEST_SPLITS'],
  maxPlans: 3,
};

describe('DynamoSourcingProfileStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoSourcingProfileStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('put', () => {
    it('writes the profile under its retailer', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});

      // Act
      await store.put('R1', profile);

      // Assess
      expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toEqual({
        TableName: TABLE,
        Item: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE', profile },
      });
    });
  });

  describe('putIfAbsent', () => {
    it('writes the profile only on condition that the retailer has none, and says it did', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});

      // Act
      const stored = await store.putIfAbsent('R1', profile);

      // Assess
      expect(stored).toBe(true);
      expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toMatchObject({
        Item: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE', profile },
        ConditionExpression: 'attribute_not_exists(PK)',
      });
    });

    it('answers false, leaving the retailer its own profile, when one is there already', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));

      // Act
      const stored = await store.putIfAbsent('R1', profile);

      // Assess
      expect(stored).toBe(false);
    });
  });

  describe('get', () => {
    it('returns the profile stored under that retailer', async () => {
      // Prepare
      ddbMock
        .on(GetCommand, { Key: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE' } })
        .resolves({ Item: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE', profile } });

      // Act
      const found = await store.get('R1');

      // Assess
      expect(found).toEqual(profile);
    });

    it('reads from the account table', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.get('R1');

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.TableName).toBe(TABLE);
    });

    it('does not return the profile of another retailer', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});
      ddbMock
        .on(GetCommand, { Key: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE' } })
        .resolves({ Item: { PK: 'SOURCING_PROFILE#R1', SK: 'PROFILE', profile } });

      // Act
      const found = await store.get('R2');

      // Assess
      expect(found).toBeUndefined();
    });

    it('returns undefined for a retailer without a profile', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await store.get('R1');

      // Assess
      expect(found).toBeUndefined();
    });
  });
});
