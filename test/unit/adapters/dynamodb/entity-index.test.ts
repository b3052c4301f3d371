import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { entityItem } from '../../../../shared/adapters/dynamodb/engine-items';
import { DynamoEntityIndex } from '../../../../shared/adapters/dynamodb/dynamo-entity-index';
import { ValidationError } from '../../../../shared/domain/domain-errors';
import type { Entity } from '../../../../shared/engine/engine-model';

const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-01T10:00:00.000Z';
const MAX_PAGES = 20;

const order = (ref: string, overrides: Partial<Entity> = {}): Entity => ({
  retailerId: 'R1',
  entityType: 'ORDER',
  subtype: 'HD',
  ref,
  id: `id-${ref}`,
  status: 'BOOKED',
  attributes: { total: 42 },
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: ref,
  createdOn: AT,
  updatedOn: AT,
  ...overrides,
});

/** The key DynamoDB returns as LastEvaluatedKey for an entity read from GSI1. */
const gsi1Key = (ref: string) => ({ PK: `ROOT#ORDER#${ref}`, SK: `ENTITY#ORDER#${ref}`, GSI1PK: 'ENTITIES#ORDER', GSI1SK: `${AT}#${ref}` });

const cursorOf = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('DynamoEntityIndex', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const index = new DynamoEntityIndex(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const query = (call = 0) => ddbMock.commandCalls(QueryCommand)[call].args[0].input;

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('lists entities of a type from GSI1, newest first', async () => {
    // Act
    await index.list({ entityType: 'ORDER', limit: 10 });

    // Assess
    expect(query()).toMatchObject({
      TableName: TABLE,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'ENTITIES#ORDER' },
      ScanIndexForward: false,
      Limit: 10,
    });
  });

  it('lists entities of a type in one status from GSI2', async () => {
    // Act
    await index.list({ entityType: 'ORDER', status: 'BOOKED', limit: 10 });

    // Assess
    expect(query()).toMatchObject({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': 'ENTITIES#ORDER#STATUS#BOOKED' },
      ScanIndexForward: false,
    });
  });

  it('returns the entities without the table and index keys', async () => {
    // Prepare
    const entities = [order('O-2'), order('O-1', { reservations: [{ skuRef: 'S1', locationRef: 'L1', qty: 1 }] })];
    ddbMock.on(QueryCommand).resolves({ Items: entities.map(entityItem) });

    // Act
    const page = await index.list({ entityType: 'ORDER', limit: 10 });

    // Assess
    expect(page.items).toEqual(entities);
  });

  it('reads further pages while the filter leaves fewer entities than the limit, asking only for what is missing', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [entityItem(order('O-5'))], LastEvaluatedKey: gsi1Key('O-5') })
      .resolvesOnce({ Items: [], LastEvaluatedKey: gsi1Key('O-3') })
      .resolvesOnce({ Items: [entityItem(order('O-2'))] });

    // Act
    const page = await index.list({ entityType: 'ORDER', retailerId: 'R1', limit: 3 });

    // Assess
    expect(page.items.map((entity) => entity.ref)).toEqual(['O-5', 'O-2']);
    expect(ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input.Limit)).toEqual([3, 2, 2]);
    expect(query(1).ExclusiveStartKey).toEqual(gsi1Key('O-5'));
    expect(query(2).ExclusiveStartKey).toEqual(gsi1Key('O-3'));
  });

  it('stops once it has the limit and returns where it stopped as a cursor', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [entityItem(order('O-2')), entityItem(order('O-1'))], LastEvaluatedKey: gsi1Key('O-1') });

    // Act
    const page = await index.list({ entityType: 'ORDER', limit: 2 });

    // Assess
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
    expect(page.cursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
  });

  it('resumes the query where the previous page stopped when given back its cursor', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [entityItem(order('O-2'))], LastEvaluatedKey: gsi1Key('O-2') })
      .resolves({ Items: [entityItem(order('O-1'))] });
    const first = await index.list({ entityType: 'ORDER', limit: 1 });

    // Act
    const second = await index.list({ entityType: 'ORDER', limit: 1, cursor: first.cursor });

    // Assess
    expect(query(1).ExclusiveStartKey).toEqual(gsi1Key('O-2'));
    expect(second.items.map((entity) => entity.ref)).toEqual(['O-1']);
  });

  it('returns no cursor after the last page', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [entityItem(order('O-1'))] });

    // Act
    const page = await index.list({ entityType: 'ORDER', limit: 10 });

    // Assess
    expect(page.cursor).toBeUndefined();
  });

  it(`stops after ${MAX_PAGES} pages that the filter empties and returns a cursor to go on from`, async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [], LastEvaluatedKey: gsi1Key('O-1') });

    // Act
    const page = await index.list({ entityType: 'ORDER', retailerId: 'R9', limit: 10 });

    // Assess
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(MAX_PAGES);
    expect(page).toEqual({ items: [], cursor: cursorOf(gsi1Key('O-1')) });
  });

  it('refuses a forged cursor with a ValidationError naming cursor, and queries nothing', async () => {
    // Prepare
    const forged = cursorOf({ PK: 'ROOT#ORDER#O-1', retailerId: 'R2' });

    // Act
    const attempt = index.list({ entityType: 'ORDER', limit: 10, cursor: forged });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'cursor', code: 'VALIDATION_FAILED' });
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
