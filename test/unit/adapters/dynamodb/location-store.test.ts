import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoLocationStore } from '../../../../shared/adapters/dynamodb/dynamo-location-store';
import type { Location } from '../../../../shared/domain/locations/location';

const TABLE = 'ordo-unit-acct-acme';

const location = (ref: string, overrides: Partial<Location> = {}): Location => ({
  ref,
  type: 'STORE',
  name: `Store ${ref}`,
  lat: 51.5,
  lon: -0.12,
  status: 'ACTIVE',
  updatedOn: '2025-03-01T10:00:00.000Z',
  ...overrides,
});

/** The stored form of a location, with the table and index keys the adapter adds. */
const stored = (l: Location) => ({ PK: `LOCATION#${l.ref}`, SK: 'LOCATION', GSI1PK: 'LOCATIONS', GSI1SK: l.ref, ...l });

describe('DynamoLocationStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoLocationStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('put', () => {
    it('reports false, writing nothing, when the stored location belongs to someone else', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

      // Act
      const written = await store.put(location('SHARED', { retailerId: 'R1' }), 'R1');

      // Assess
      expect(written).toBe(false);
    });

    it('writes the location keyed by its ref and indexed under LOCATIONS on GSI1', async () => {
      // Prepare
      ddbMock.on(PutCommand).resolves({});
      const warehouse = location('W-1', { type: 'WAREHOUSE', openingCapacity: 40 });

      // Act
      await store.put(warehouse);

      // Assess
      const input = ddbMock.commandCalls(PutCommand)[0].args[0].input;
      expect(input.TableName).toBe(TABLE);
      expect(input.Item).toEqual(stored(warehouse));
    });
  });

  describe('get', () => {
    it('returns the location without the table and index keys', async () => {
      // Prepare
      const store1 = location('S-1');
      ddbMock.on(GetCommand, { Key: { PK: 'LOCATION#S-1', SK: 'LOCATION' } }).resolves({ Item: stored(store1) });

      // Act
      const found = await store.get('S-1');

      // Assess
      expect(found).toEqual(store1);
    });

    it('reads from the account table', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      await store.get('S-1');

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input.TableName).toBe(TABLE);
    });

    it('returns undefined for a location that does not exist', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const found = await store.get('NOWHERE');

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('list', () => {
    it('queries the LOCATIONS partition of GSI1', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      await store.list();

      // Assess
      expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
        TableName: TABLE,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :locations',
        ExpressionAttributeValues: { ':locations': 'LOCATIONS' },
      });
    });

    it('follows LastEvaluatedKey and returns the locations of every page without their keys', async () => {
      // Prepare
      const [first, second, third] = ['S-1', 'S-2', 'W-1'].map((ref) => location(ref));
      const cursor = { PK: 'LOCATION#S-2', SK: 'LOCATION', GSI1PK: 'LOCATIONS', GSI1SK: 'S-2' };
      const startKeys: unknown[] = [];
      const pages = [{ Items: [stored(first), stored(second)], LastEvaluatedKey: cursor }, { Items: [stored(third)] }];
      ddbMock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
        startKeys.push(input.ExclusiveStartKey);
        return pages.shift() ?? { Items: [] };
      });

      // Act
      const locations = await store.list();

      // Assess
      expect(locations).toEqual([first, second, third]);
      expect(startKeys).toEqual([undefined, cursor]);
    });

    it('returns an empty list when the account has no locations', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({});

      // Act
      const locations = await store.list();

      // Assess
      expect(locations).toEqual([]);
    });
  });
});
