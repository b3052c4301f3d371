import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { localS3Client } from '../../scripts/local-stack/s3-local';
import { waitFor } from '../support/wait-for';
import { demoKey, http } from './http-client';

/** The local S3 and bucket of the stack that global-setup started. */
const bucket = () => process.env.ORDO_E2E_IMPORT_BUCKET ?? 'ordo-sandbox-imports';

/** Unique to this run, so a rerun on a kept stack never finds the previous run's files or stock. */
const run = Date.now().toString(36);
const GOOD = `e2e-${run}.csv`;
const BROKEN = `e2e-${run}-broken.csv`;
const SKU_A = `E2E-IMP-${run}-A`;
const SKU_B = `E2E-IMP-${run}-B`;
const prefix = 'accounts/demo/inventory';

let s3: S3Client;

const readReport = async (key: string): Promise<Record<string, unknown> | undefined> => {
  try {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    return JSON.parse((await Body?.transformToString()) ?? '{}');
  } catch {
    return undefined;
  }
};

const exists = (key: string) =>
  s3.send(new GetObjectCommand({ Bucket: bucket(), Key: key })).then(
    () => true,
    () => false,
  );

/** Polls the bucket until the report appears; the schedule runs every minute on the local stack. */
const reportOf = (key: string, timeoutMs = 100_000) =>
  waitFor(() => readReport(key), {
    description: `${key}, written by the scheduled import (see the stack's log, ${process.env.ORDO_E2E_LOG_FILE})`,
    timeoutMs,
    intervalMs: 2_000,
  });

describe('scheduled inventory file import on the running local stack', () => {
  beforeAll(async () => {
    // Prepare: both files wait for the same scheduled run
    s3 = localS3Client(process.env.ORDO_E2E_S3 ?? '');
    const good = ['skuRef,locationRef,qty,safetyStock', `${SKU_A},WH-NORTH,40,2`, `${SKU_A},ST-LEEDS,6`, `${SKU_B},WH-SOUTH,9`].join('\n');
    const broken = [`${SKU_B},WH-NORTH,1`, `${SKU_B};ST-LEEDS;2`].join('\n');
    await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}/${GOOD}`, Body: `${good}\n` }));
    await s3.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}/${BROKEN}`, Body: `${broken}\n` }));
  });

  afterAll(() => {
    s3?.destroy();
  });

  it('imports a CSV dropped for the demo account, moves it to processed/ with matching counts, and the stock shows its onHand', async () => {
    // Act
    const report = await reportOf(`${prefix}/processed/${GOOD}.report.json`);

    // Assess
    expect(report).toMatchObject({ file: GOOD, accountId: 'demo', outcome: 'PROCESSED', status: 'COMPLETE', total: 3, applied: 3, failed: 0, errors: [] });
    expect(await exists(`${prefix}/processed/${GOOD}`)).toBe(true);
    expect(await exists(`${prefix}/${GOOD}`)).toBe(false);
    const listed = await http('GET', `/v1/inventory?skuRef=${SKU_A}`, { apiKey: demoKey() });
    expect(listed.status).toBe(200);
    const onHand = Object.fromEntries((listed.body.items as { locationRef: string; onHand: number }[]).map((item) => [item.locationRef, item.onHand]));
    expect(onHand).toEqual({ 'WH-NORTH': 40, 'ST-LEEDS': 6 });
    const job = await http('GET', `/v1/jobs/${report.jobId}`, { apiKey: demoKey() });
    expect(job.body).toMatchObject({ name: `import ${GOOD}`, status: 'COMPLETE', total: 3 });
  }, 150_000);

  it('moves a malformed CSV to failed/ with a report naming the bad line, and imports none of it', async () => {
    // Act
    const report = await reportOf(`${prefix}/failed/${BROKEN}.report.json`);

    // Assess
    expect(report).toMatchObject({
      file: BROKEN,
      outcome: 'FAILED',
      reason: 'MALFORMED_LINES',
      malformedCount: 1,
      malformedLines: [{ line: 2, message: expect.stringContaining('line 2') }],
    });
    expect(await exists(`${prefix}/failed/${BROKEN}`)).toBe(true);
    const listed = await http('GET', `/v1/inventory?skuRef=${SKU_B}&locationRef=WH-NORTH`, { apiKey: demoKey() });
    expect(listed.body.items).toEqual([]);
  }, 150_000);
});
