import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { handler as importInventoryFiles } from '../../functions/jobs/import-inventory-files';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { freePort } from '../../scripts/local-stack/ports';
import { localS3Client, startLocalS3Process, type RunningS3 } from '../../scripts/local-stack/s3-local';
import { S3ImportDrop } from '../../shared/adapters/s3/s3-import-drop';
import { systemClock } from '../../shared/adapters/clock/system-clock';
import { controlPlane } from '../../shared/composition/control-plane';
import { IMPORT_IDEMPOTENCY_SECONDS } from '../../shared/composition/inventory-imports';
import { jobsOf } from '../../shared/composition/jobs';
import { importInventoryFile, type ImportReport } from '../../shared/domain/jobs/import-inventory-file';
import type { DropFile } from '../../shared/ports/import-drop';
import { lambdaContext } from '../support/api-gateway-event';
import { waitFor } from '../support/wait-for';
import { catalogApi as catalog, store } from './catalog-api';
import { newAccount, scanTable, tableNames, uniqueAccountId } from './control-plane-api';
import { runBatchProcessor } from './jobs-api';

const BUCKET = 'ordo-sandbox-imports';

let s3: RunningS3;
let client: S3Client;
let drop: S3ImportDrop;

beforeAll(async () => {
  // fauxqs is an ES module, which jest's sandbox cannot load: it runs in a child process here.
  s3 = await startLocalS3Process(await freePort(), [BUCKET]);
  client = localS3Client(s3.endpoint);
  drop = new S3ImportDrop(client, BUCKET);
  // For the handler, which builds its own client and reads its bucket from the settings.
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: s3.endpoint, ORDO_IMPORT_BUCKET: BUCKET });
}, 30_000);

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

const put = (key: string, body: string) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

const keysUnder = async (prefix: string) => {
  const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return Contents.map((object) => object.Key as string).sort();
};

const readReport = async (key: string): Promise<ImportReport> => {
  const { Body } = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse((await Body?.transformToString()) ?? '{}') as ImportReport;
};

/** Drops a file and returns it as the listing names it. */
const dropFile = async (accountId: string, name: string, body: string): Promise<DropFile> => {
  const key = `accounts/${accountId}/inventory/${name}`;
  await put(key, body);
  const found = (await drop.listNewFiles()).find((file) => file.key === key);
  if (!found) throw new Error(`${key} was not listed`);
  return found;
};

/** Runs the batch processor, as the queue's event source would, until `work` is done. */
const whileProcessing = async <T>(work: Promise<T>): Promise<T> => {
  let done = false;
  const finished = work.finally(() => (done = true));
  await waitFor(
    async () => {
      await runBatchProcessor();
      return done;
    },
    { description: 'the import to finish while the batch processor runs', timeoutMs: 55_000, intervalMs: 100 },
  );
  return finished;
};

const importNow = (file: DropFile) =>
  whileProcessing(
    importInventoryFile(
      file,
      { waitUntil: new Date(Date.now() + 60_000), pollIntervalMs: 200 },
      { drop, accounts: controlPlane(), jobsOf, clock: systemClock },
    ),
  );

/** An account with warehouses W-1 and W-2. */
const accountWithWarehouses = async (prefix: string) => {
  const created = await newAccount(prefix);
  for (const ref of ['W-1', 'W-2']) await catalog.putLocation(created.apiKey, ref, { ...store(52, 0), type: 'WAREHOUSE' });
  return created;
};

const onHand = async (apiKey: string, skuRef: string) =>
  (await catalog.listInventory(apiKey, { skuRef })).body.items.map((item: { locationRef: string; onHand: number }) => [item.locationRef, item.onHand]);

describe('scheduled inventory file import, on DynamoDB Local, the local queue and the local S3', () => {
  it('imports a CSV dropped for an account and moves it to processed/ with its report', async () => {
    // Prepare
    const { accountId, apiKey } = await accountWithWarehouses('import-csv');
    const file = await dropFile(accountId, 'stock.csv', 'skuRef,locationRef,qty\nSKU-1,W-1,12\nSKU-1,W-2,3\nSKU-2,W-1,0\n');

    // Act
    const outcome = await importNow(file);

    // Assess
    expect(outcome).toMatchObject({ outcome: 'PROCESSED', status: 'COMPLETE' });
    expect(await keysUnder(`accounts/${accountId}/`)).toEqual([
      `accounts/${accountId}/inventory/processed/stock.csv`,
      `accounts/${accountId}/inventory/processed/stock.csv.report.json`,
    ]);
    expect(await readReport(`accounts/${accountId}/inventory/processed/stock.csv.report.json`)).toMatchObject({
      file: 'stock.csv',
      accountId,
      outcome: 'PROCESSED',
      status: 'COMPLETE',
      total: 3,
      applied: 3,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    expect(await onHand(apiKey, 'SKU-1')).toEqual(expect.arrayContaining([['W-1', 12], ['W-2', 3]]));
  }, 60_000);

  it('reports a record for a location the account lacks by its line in the file', async () => {
    // Prepare
    const { accountId } = await accountWithWarehouses('import-errors');
    const file = await dropFile(accountId, 'stock.jsonl', '{"skuRef":"SKU-1","locationRef":"W-1","qty":4}\n\n{"skuRef":"SKU-2","locationRef":"W-9","qty":1}\n');

    // Act
    await importNow(file);

    // Assess
    expect(await readReport(`accounts/${accountId}/inventory/processed/stock.jsonl.report.json`)).toMatchObject({
      status: 'PARTIAL',
      applied: 1,
      failed: 1,
      errors: [{ line: 3, skuRef: 'SKU-2', locationRef: 'W-9', code: 'UNKNOWN_LOCATION' }],
    });
  }, 60_000);

  it('writes a file under account A’s prefix to A’s table only, even where B has the same SKUs and locations', async () => {
    // Prepare
    const a = await accountWithWarehouses('import-a');
    const b = await accountWithWarehouses('import-b');
    await catalog.putPosition(b.apiKey, 'W-1', 'SKU-SHARED', { onHand: 5 });
    const tableOf = (accountId: string) => `ordo-sandbox-acct-${accountId}`;
    const bBefore = await scanTable(tableOf(b.accountId));
    const file = await dropFile(a.accountId, 'shared.csv', 'SKU-SHARED,W-1,42\nSKU-SHARED,W-2,7\n');

    // Act
    await importNow(file);

    // Assess
    expect(await scanTable(tableOf(b.accountId))).toEqual(bBefore);
    const aCounts = (await scanTable(tableOf(a.accountId))).filter((item) => item.PK?.S === 'SKU#SKU-SHARED');
    expect(aCounts.map((item) => [item.SK?.S, item.onHand?.N]).sort()).toEqual([
      ['LOC#W-1', '42'],
      ['LOC#W-2', '7'],
    ]);
    expect(await onHand(b.apiKey, 'SKU-SHARED')).toEqual([['W-1', 5]]);
  }, 60_000);

  it('moves a file for an account that does not exist to failed/ and creates no table', async () => {
    // Prepare
    const ghost = uniqueAccountId('import-ghost');
    const file = await dropFile(ghost, 'stock.csv', 'SKU-1,W-1,12\n');
    const tablesBefore = await tableNames();

    // Act
    const outcome = await importNow(file);

    // Assess
    expect(outcome).toMatchObject({ outcome: 'FAILED', reason: 'UNKNOWN_ACCOUNT' });
    expect(await keysUnder(`accounts/${ghost}/`)).toEqual([
      `accounts/${ghost}/inventory/failed/stock.csv`,
      `accounts/${ghost}/inventory/failed/stock.csv.report.json`,
    ]);
    expect(await readReport(`accounts/${ghost}/inventory/failed/stock.csv.report.json`)).toMatchObject({ outcome: 'FAILED', reason: 'UNKNOWN_ACCOUNT' });
    const tablesAfter = await tableNames();
    expect(tablesAfter).not.toContain(`ordo-sandbox-acct-${ghost}`);
    expect(tablesAfter.filter((name) => !tablesBefore.includes(name) && name.includes('import-ghost'))).toEqual([]);
  }, 60_000);

  it('moves a file with a malformed line to failed/ with the line named and writes nothing', async () => {
    // Prepare
    const { accountId, apiKey } = await accountWithWarehouses('import-malformed');
    const file = await dropFile(accountId, 'broken.csv', 'SKU-1,W-1,12\nSKU-2;W-1;3\n');

    // Act
    await importNow(file);

    // Assess
    expect(await readReport(`accounts/${accountId}/inventory/failed/broken.csv.report.json`)).toMatchObject({
      reason: 'MALFORMED_LINES',
      malformedCount: 1,
      malformedLines: [{ line: 2, message: expect.stringContaining('line 2') }],
    });
    expect(await onHand(apiKey, 'SKU-1')).toEqual([]);
  }, 60_000);

  describe('the scheduled handler', () => {
    const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} } as ScheduledEvent;
    const context = (): Context => ({ ...lambdaContext('importInventoryFiles'), getRemainingTimeInMillis: () => 120_000 });

    /** The idempotency records that Powertools keeps in the control-plane table. */
    const idempotencyRecords = async () => {
      const ddb = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
      const { Items = [] } = await ddb.send(
        new QueryCommand({
          TableName: 'ordo-sandbox-control',
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'IDEMPOTENCY#importInventoryFile' } },
          ConsistentRead: true,
        }),
      );
      ddb.destroy();
      return Items;
    };

    it('imports a file once when two runs overlap', async () => {
      // Prepare
      const { accountId } = await accountWithWarehouses('import-twice');
      await put(`accounts/${accountId}/inventory/stock.csv`, 'SKU-1,W-1,12\n');

      // Act
      const runs = await whileProcessing(Promise.all([importInventoryFiles(scheduled, context()), importInventoryFiles(scheduled, context())]));

      // Assess
      expect(runs.reduce((sum, run) => sum + run.imported, 0)).toBe(1);
      expect(runs.reduce((sum, run) => sum + run.inProgressElsewhere + run.alreadyImported, 0)).toBe(1);
      expect(runs.reduce((sum, run) => sum + run.errors, 0)).toBe(0);
      const jobs = (await scanTable(`ordo-sandbox-acct-${accountId}`)).filter((item) => item.SK?.S === 'JOB');
      expect(jobs).toHaveLength(1);
      expect(await keysUnder(`accounts/${accountId}/inventory/processed/`)).toHaveLength(2);
    }, 90_000);

    it('keeps a completed idempotency record of the import in the control-plane table, expiring by TTL', async () => {
      // Prepare
      const { accountId } = await accountWithWarehouses('import-record');
      await put(`accounts/${accountId}/inventory/stock.csv`, 'SKU-1,W-1,1\n');

      // Act
      await whileProcessing(importInventoryFiles(scheduled, context()));

      // Assess
      const records = (await idempotencyRecords()).filter((item) => JSON.stringify(item.data ?? {}).includes(`accounts/${accountId}/`));
      expect(records).toEqual([expect.objectContaining({ status: { S: 'COMPLETED' } })]);
      const expiresAt = Number(records[0].expiresAt?.N);
      const now = Math.ceil(Date.now() / 1000);
      expect(expiresAt).toBeGreaterThan(now);
      expect(expiresAt).toBeLessThanOrEqual(now + IMPORT_IDEMPOTENCY_SECONDS);
    }, 90_000);
  });
});
