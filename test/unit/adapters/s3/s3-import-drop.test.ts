import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3Client, S3ImportDrop } from '../../../../shared/adapters/s3/s3-import-drop';
import type { DropFile } from '../../../../shared/ports/import-drop';

const BUCKET = 'ordo-sandbox-imports';

const object = (Key: string, LastModified = new Date('2025-03-14T09:00:00.000Z')) => ({ Key, ETag: `"etag-of-${Key}"`, Size: 10, LastModified });

const file = (overrides: Partial<DropFile> = {}): DropFile => ({
  key: 'accounts/acme/inventory/stock 1+2.csv',
  accountId: 'acme',
  name: 'stock 1+2.csv',
  etag: '"etag-1"',
  size: 10,
  lastModified: '2025-03-14T09:00:00.000Z',
  ...overrides,
});

const preconditionFailed = () =>
  new S3ServiceException({ name: 'PreconditionFailed', $fault: 'client', $metadata: { httpStatusCode: 412 }, message: 'At least one of the pre-conditions you specified did not hold' });

describe('S3ImportDrop', () => {
  const s3Mock = mockClient(S3Client);
  const drop = new S3ImportDrop(new S3Client({ region: 'us-east-1' }), BUCKET);

  beforeEach(() => {
    s3Mock.reset();
  });

  afterAll(() => {
    s3Mock.restore();
  });

  describe('listNewFiles', () => {
    it('lists only files directly under an account’s inventory folder', async () => {
      // Prepare
      s3Mock.on(ListObjectsV2Command).resolves({
        Contents: [
          object('accounts/acme/inventory/stock.csv'),
          object('accounts/acme/inventory/processed/old.csv'),
          object('accounts/acme/inventory/processed/old.csv.report.json'),
          object('accounts/acme/inventory/failed/bad.csv'),
          object('accounts/acme/inventory/failed/bad.csv.report.json'),
          object('accounts/acme/inventory/stray.report.json'),
          object('accounts/acme/inventory/'),
          object('accounts/acme/orders/stock.csv'),
          object('accounts/acme/stock.csv'),
          object('accounts/globex/inventory/counts.jsonl'),
        ],
      });

      // Act
      const files = await drop.listNewFiles();

      // Assess
      expect(files.map((found) => found.key)).toEqual(['accounts/acme/inventory/stock.csv', 'accounts/globex/inventory/counts.jsonl']);
    });

    it('asks for the accounts/ prefix of its bucket', async () => {
      // Prepare
      s3Mock.on(ListObjectsV2Command).resolves({ Contents: [] });

      // Act
      await drop.listNewFiles();

      // Assess
      expect(s3Mock.commandCalls(ListObjectsV2Command)[0].args[0].input).toMatchObject({ Bucket: BUCKET, Prefix: 'accounts/' });
    });

    it('names the account, the file and its ETag from the listing', async () => {
      // Prepare
      s3Mock.on(ListObjectsV2Command).resolves({ Contents: [object('accounts/acme/inventory/stock.csv')] });

      // Act
      const [found] = await drop.listNewFiles();

      // Assess
      expect(found).toEqual({
        key: 'accounts/acme/inventory/stock.csv',
        accountId: 'acme',
        name: 'stock.csv',
        etag: '"etag-of-accounts/acme/inventory/stock.csv"',
        size: 10,
        lastModified: '2025-03-14T09:00:00.000Z',
      });
    });

    it('follows the continuation token through every page', async () => {
      // Prepare
      s3Mock
        .on(ListObjectsV2Command, { ContinuationToken: undefined })
        .resolves({ Contents: [object('accounts/a1/inventory/1.csv')], IsTruncated: true, NextContinuationToken: 'page-2' })
        .on(ListObjectsV2Command, { ContinuationToken: 'page-2' })
        .resolves({ Contents: [object('accounts/a2/inventory/2.csv')], IsTruncated: false });

      // Act
      const files = await drop.listNewFiles();

      // Assess
      expect(files.map((found) => found.key)).toEqual(['accounts/a1/inventory/1.csv', 'accounts/a2/inventory/2.csv']);
      expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(2);
    });

    it('lists the oldest file first', async () => {
      // Prepare
      s3Mock.on(ListObjectsV2Command).resolves({
        Contents: [
          object('accounts/a1/inventory/newer.csv', new Date('2025-03-14T10:00:00.000Z')),
          object('accounts/a2/inventory/older.csv', new Date('2025-03-14T08:00:00.000Z')),
        ],
      });

      // Act
      const files = await drop.listNewFiles();

      // Assess
      expect(files.map((found) => found.name)).toEqual(['older.csv', 'newer.csv']);
    });
  });

  describe('read', () => {
    it('streams the body of the version that was listed, with its ETag', async () => {
      // Prepare
      s3Mock.on(GetObjectCommand).resolves({ Body: Readable.from([Buffer.from('SKU-1,'), Buffer.from('LOC-1,5\n')]) as never, ETag: '"etag-1"' });

      // Act
      const { etag, chunks } = await drop.read(file());
      const parts: string[] = [];
      for await (const chunk of chunks) parts.push(Buffer.from(chunk).toString());

      // Assess
      expect(etag).toBe('"etag-1"');
      expect(parts.join('')).toBe('SKU-1,LOC-1,5\n');
      expect(s3Mock.commandCalls(GetObjectCommand)[0].args[0].input).toEqual({ Bucket: BUCKET, Key: file().key, IfMatch: '"etag-1"' });
    });
  });

  describe('move', () => {
    beforeEach(() => {
      s3Mock.on(CopyObjectCommand).resolves({});
      s3Mock.on(DeleteObjectCommand).resolves({});
    });

    it('copies the file into processed/ beside it and then deletes the original', async () => {
      // Act
      const movedTo = await drop.move(file(), 'processed');

      // Assess
      expect(movedTo).toBe('accounts/acme/inventory/processed/stock 1+2.csv');
      expect(s3Mock.calls().map((call) => call.args[0].constructor.name)).toEqual(['CopyObjectCommand', 'DeleteObjectCommand']);
      expect(s3Mock.commandCalls(CopyObjectCommand)[0].args[0].input).toMatchObject({
        Bucket: BUCKET,
        Key: 'accounts/acme/inventory/processed/stock 1+2.csv',
        CopySource: `${BUCKET}/accounts%2Facme%2Finventory%2Fstock%201%2B2.csv`,
      });
      expect(s3Mock.commandCalls(DeleteObjectCommand)[0].args[0].input).toMatchObject({ Bucket: BUCKET, Key: 'accounts/acme/inventory/stock 1+2.csv' });
    });

    it('moves a refused file into failed/', async () => {
      // Act
      const movedTo = await drop.move(file(), 'failed');

      // Assess
      expect(movedTo).toBe('accounts/acme/inventory/failed/stock 1+2.csv');
    });

    it('copies and deletes only the version that was imported', async () => {
      // Act
      await drop.move(file(), 'processed');

      // Assess
      expect(s3Mock.commandCalls(CopyObjectCommand)[0].args[0].input.CopySourceIfMatch).toBe('"etag-1"');
      expect(s3Mock.commandCalls(DeleteObjectCommand)[0].args[0].input.IfMatch).toBe('"etag-1"');
    });

    it('tags what it moves with its folder, for the bucket’s lifecycle rule', async () => {
      // Act
      await drop.move(file(), 'processed');

      // Assess
      expect(s3Mock.commandCalls(CopyObjectCommand)[0].args[0].input).toMatchObject({ TaggingDirective: 'REPLACE', Tagging: 'ordo-import=processed' });
    });

    it('leaves a newer upload under the same key in place for the next run', async () => {
      // Prepare
      s3Mock.on(DeleteObjectCommand).rejects(preconditionFailed());

      // Act
      const movedTo = await drop.move(file(), 'processed');

      // Assess
      expect(movedTo).toBe('accounts/acme/inventory/processed/stock 1+2.csv');
    });

    it('deletes nothing when the copy fails', async () => {
      // Prepare
      s3Mock.on(CopyObjectCommand).rejects(preconditionFailed());

      // Act
      const moved = drop.move(file(), 'processed');

      // Assess
      await expect(moved).rejects.toMatchObject({ name: 'PreconditionFailed' });
      expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    });
  });

  describe('writeReport', () => {
    it('writes the report as JSON beside the moved file', async () => {
      // Prepare
      s3Mock.on(PutObjectCommand).resolves({});

      // Act
      const key = await drop.writeReport(file(), 'failed', { outcome: 'FAILED' });

      // Assess
      const input = s3Mock.commandCalls(PutObjectCommand)[0].args[0].input;
      expect(key).toBe('accounts/acme/inventory/failed/stock 1+2.csv.report.json');
      expect(input).toMatchObject({ Bucket: BUCKET, Key: key, ContentType: 'application/json', Tagging: 'ordo-import=failed' });
      expect(JSON.parse(String(input.Body))).toEqual({ outcome: 'FAILED' });
    });
  });
});

describe('createS3Client', () => {
  it('addresses buckets by path when a local endpoint is set', () => {
    // Act
    const client = createS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9090' });

    // Assess
    expect(client.config.forcePathStyle).toBe(true);
  });

  it('keeps the SDK’s virtual-host addressing in AWS', () => {
    // Act
    const client = createS3Client({});

    // Assess
    expect(client.config.forcePathStyle).toBeFalsy();
  });
});
