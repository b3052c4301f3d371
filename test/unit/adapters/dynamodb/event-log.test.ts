import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoEventLog } from '../../../../shared/adapters/dynamodb/dynamo-event-log';
import { ValidationError } from '../../../../shared/domain/domain-errors';
import type { AuditRecord, EventRecord } from '../../../../shared/engine/engine-model';

const TABLE = 'ordo-unit-acct-acme';
const AT = '2025-03-01T10:00:00.000Z';

const record = (id: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
  event: { id, name: 'BOOK', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1' },
  outcome: 'SUCCESS',
  receivedOn: AT,
  processedOn: AT,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  attempts: 1,
  ...overrides,
});

/** An event record as the engine store writes it, with its table and index keys. */
const stored = (id: string, overrides: Partial<EventRecord> = {}) => ({
  PK: `EVENT#${id}`,
  SK: 'EVENT',
  GSI1PK: 'EVENTS#ROOT#O-1',
  GSI1SK: `${AT}#${id}`,
  GSI3PK: 'EVENTS',
  GSI3SK: `${AT}#${id}`,
  expiresAt: 1_800_000_000,
  ...record(id, overrides),
});

const audit = (seq: number): AuditRecord => ({
  eventId: 'evt-1',
  seq,
  at: AT,
  kind: seq === 1 ? 'EVENT_RECEIVED' : 'OUTCOME',
  entityType: 'ORDER',
  entityRef: 'O-1',
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
});

const storedAudit = (seq: number) => ({
  PK: 'EVENT#evt-1',
  SK: `AUDIT#${AT}#${String(seq).padStart(6, '0')}`,
  expiresAt: 1_800_000_000,
  ...audit(seq),
});

const cursorOf = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('DynamoEventLog', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const log = new DynamoEventLog(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const query = (call = 0) => ddbMock.commandCalls(QueryCommand)[call].args[0].input;

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('list', () => {
    it('returns the event records without their table keys, with duplicateDeliveries when counted', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [{ ...stored('evt-2'), duplicateDeliveries: 2 }, stored('evt-1')] });

      // Act
      const { items } = await log.list({ limit: 10 });

      // Assess
      expect(items).toEqual([{ ...record('evt-2'), duplicateDeliveries: 2 }, record('evt-1')]);
      expect(items[1]).not.toHaveProperty('duplicateDeliveries');
    });

    it('returns no cursor after the last page', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [stored('evt-1')] });

      // Act
      const page = await log.list({ limit: 10 });

      // Assess
      expect(page.cursor).toBeUndefined();
    });

    it('reads further pages while a filter leaves fewer items than the limit, asking only for what is missing', async () => {
      // Prepare
      const key = (id: string) => ({ PK: `EVENT#${id}`, SK: 'EVENT' });
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [stored('evt-3')], LastEvaluatedKey: key('evt-3') })
        .resolvesOnce({ Items: [], LastEvaluatedKey: key('evt-2') })
        .resolvesOnce({ Items: [stored('evt-1')], LastEvaluatedKey: key('evt-1') });

      // Act
      const page = await log.list({ entityRef: 'O-1', limit: 2 });

      // Assess
      expect(page.items.map((item) => item.event.id)).toEqual(['evt-3', 'evt-1']);
      expect(ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input.Limit)).toEqual([2, 1, 1]);
      expect(query(1).ExclusiveStartKey).toEqual(key('evt-3'));
      expect(page.cursor).toBe(cursorOf(key('evt-1')));
    });

    it('refuses a cursor it did not issue with a ValidationError naming cursor, and queries nothing', async () => {
      // Act
      const attempt = log.list({ limit: 10, cursor: 'not-a-cursor!' });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ field: 'cursor', code: 'VALIDATION_FAILED' });
      expect(ddbMock.calls()).toHaveLength(0);
    });

    it('refuses a cursor that decodes to JSON other than a key object, and queries nothing', async () => {
      // Prepare
      const forged = Buffer.from(JSON.stringify('EVENT#evt-1')).toString('base64url');

      // Act
      const attempt = log.list({ limit: 10, cursor: forged });

      // Assess
      await expect(attempt).rejects.toMatchObject({ field: 'cursor', code: 'VALIDATION_FAILED' });
      expect(ddbMock.calls()).toHaveLength(0);
    });
  });

  describe('get', () => {
    it("returns the retailer's event record and its audit trail, in sort key order, without table keys", async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [storedAudit(1), storedAudit(2), stored('evt-1')] });

      // Act
      const found = await log.get('R1', 'evt-1');

      // Assess
      expect(found).toEqual({ event: record('evt-1'), audit: [audit(1), audit(2)] });
      expect(query()).toMatchObject({ ExpressionAttributeValues: { ':pk': 'EVENT#R1#evt-1' }, ConsistentRead: true });
    });

    it("stops its read before the outbox records kept in the event's partition, so none are loaded", async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [stored('evt-1')] });

      // Act
      await log.get('R1', 'evt-1');

      // Assess: outbox sort keys (OUTBOX#…) sort after EVENT and AUDIT#…, and DynamoDB Local cannot show what a read left unread.
      expect(query()).toMatchObject({ KeyConditionExpression: 'PK = :pk AND SK < :outbox', ExpressionAttributeValues: { ':outbox': 'OUTBOX#' } });
    });

    it('reads a long audit trail page by page', async () => {
      // Prepare
      ddbMock
        .on(QueryCommand)
        .resolvesOnce({ Items: [storedAudit(1)], LastEvaluatedKey: { PK: 'EVENT#R1#evt-1', SK: storedAudit(1).SK } })
        .resolvesOnce({ Items: [storedAudit(2), stored('evt-1')] });

      // Act
      const found = await log.get('R1', 'evt-1');

      // Assess
      expect(found?.audit.map((entry) => entry.seq)).toEqual([1, 2]);
      expect(query(1).ExclusiveStartKey).toEqual({ PK: 'EVENT#R1#evt-1', SK: storedAudit(1).SK });
    });

    it('returns undefined for an event it has no record of', async () => {
      // Act
      const found = await log.get('R1', 'evt-unknown');

      // Assess
      expect(found).toBeUndefined();
    });
  });
});
