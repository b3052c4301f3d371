import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { startContractProxy, type ContractProxy } from './contract-proxy';
import { baseUrl, http, operatorKey, registerRetailer } from './http-client';

const LOCATIONS = ['E2E-W1', 'E2E-W2', 'E2E-W3', 'E2E-W4', 'E2E-W5'];

/** A fresh account with five warehouses and an open job. */
const accountWithJob = async (prefix: string) => {
  const accountId = `${prefix}-${Date.now().toString(36)}`;
  const created = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId } });
  const apiKey = created.body.apiKey as string;
  for (const [i, ref] of LOCATIONS.entries()) {
    await http('PUT', `/v1/locations/${ref}`, { apiKey, body: { type: 'WAREHOUSE', name: ref, lat: 51 + i / 10, lon: -1 } });
  }
  await registerRetailer(apiKey, 'e2e-retail');
  const job = await http('POST', '/v1/jobs', { apiKey, body: { name: 'e2e full count', retailerId: 'e2e-retail' } });
  return { apiKey, jobId: job.body.jobId as string, jobStatus: job.status };
};

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    skuRef: `E2E-SKU-${String(Math.floor(i / LOCATIONS.length)).padStart(5, '0')}`,
    locationRef: LOCATIONS[i % LOCATIONS.length],
    qty: (i * 7) % 50,
  }));

describe('inventory batches on the running local stack', () => {
  it('accepts a batch of 5,000 records with 202, takes it to COMPLETE through the queue, and lists every record', async () => {
    // Prepare
    const { apiKey, jobId, jobStatus } = await accountWithJob('e2e-batch');
    const entities = records(5000);

    // Act
    const posted = await http('POST', `/v1/jobs/${jobId}/batches`, { apiKey, body: { entityType: 'INVENTORY', action: 'UPSERT', entities } });
    const batch = await waitFor(() => http('GET', `/v1/jobs/${jobId}/batches/${posted.body.batchId}`, { apiKey }), {
      description: 'the batch to finish',
      until: (reply) => ['COMPLETE', 'PARTIAL', 'FAILED'].includes(reply.body.status),
      timeoutMs: 120_000,
      intervalMs: 1_000,
    });

    // Assess
    expect(jobStatus).toBe(201);
    expect(posted.status).toBe(202);
    expect(batch.body).toMatchObject({ status: 'COMPLETE', total: 5000, applied: 5000, failed: 0 });
    const listed = new Map<string, number>();
    for (const locationRef of LOCATIONS) {
      const reply = await http('GET', `/v1/inventory?locationRef=${locationRef}`, { apiKey });
      for (const item of reply.body.items as { skuRef: string; locationRef: string; onHand: number }[]) {
        listed.set(`${item.skuRef}@${item.locationRef}`, item.onHand);
      }
    }
    expect(listed.size).toBe(5000);
    expect(entities.every((record) => listed.get(`${record.skuRef}@${record.locationRef}`) === record.qty)).toBe(true);
    const job = await http('GET', `/v1/jobs/${jobId}`, { apiKey });
    expect(job.body).toMatchObject({ status: 'COMPLETE', total: 5000, applied: 5000, batches: [expect.objectContaining({ batchId: posted.body.batchId })] });
  }, 180_000);

  it('answers 413 for a batch of 5,001 records', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithJob('e2e-413');

    // Act
    const posted = await http('POST', `/v1/jobs/${jobId}/batches`, { apiKey, body: { entityType: 'INVENTORY', action: 'UPSERT', entities: records(5001) } });

    // Assess
    expect(posted.status).toBe(413);
    expect(posted.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('at most 5,000 records') });
  });

  it('answers 404 for a job of another account', async () => {
    // Prepare
    const a = await accountWithJob('e2e-iso-a');
    const b = await accountWithJob('e2e-iso-b');

    // Act
    const read = await http('GET', `/v1/jobs/${a.jobId}`, { apiKey: b.apiKey });
    const posted = await http('POST', `/v1/jobs/${a.jobId}/batches`, { apiKey: b.apiKey, body: { entityType: 'INVENTORY', action: 'UPSERT', entities: records(1) } });

    // Assess
    expect([read.status, posted.status]).toEqual([404, 404]);
  });
});

/** Runs the `ordo` bin as a developer would, and answers its exit code and output. */
const ordo = (args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/ordo.mjs', ...args],
      { cwd: join(__dirname, '..', '..'), env: { ...process.env, ORDO_POLL_INTERVAL_MS: '500' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('ordo import on the running local stack', () => {
  // The CLI calls the API itself: its replies are checked against openapi.yaml on the way through.
  let proxy: ContractProxy;
  beforeAll(async () => {
    proxy = await startContractProxy(baseUrl());
  });
  afterAll(() => proxy.close());

  it('streams a CSV through the Job/Batch API and reports each failed line, exiting 2 for a partial import', async () => {
    // Prepare
    const { apiKey } = await accountWithJob('e2e-cli');
    const dir = mkdtempSync(join(tmpdir(), 'ordo-e2e-cli-'));
    const file = join(dir, 'stock.csv');
    writeFileSync(file, ['skuRef,locationRef,qty', 'CLI-1,E2E-W1,12', 'CLI-2,E2E-W2,7,2', 'CLI-3,NOWHERE,4', 'CLI-4,E2E-W3', 'CLI-5,E2E-W4,-1', ''].join('\n'));

    // Act
    // Asynchronously: the local SQS server may live in this very process and must keep answering.
    const run = await ordo(['import', file, '--account', apiKey, '--retailer', 'e2e-retail', '--url', proxy.url]);

    // Assess
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/Status\s+PARTIAL/);
    expect(run.stdout).toMatch(/Applied\s+2/);
    expect(run.stdout).toMatch(/Failed\s+3/);
    expect(run.stdout).toContain('line 4: CLI-3@NOWHERE UNKNOWN_LOCATION');
    expect(run.stdout).toContain('line 5:');
    expect(run.stdout).toContain('line 6: CLI-5@E2E-W4 INVALID_RECORD');
    const listed = await http('GET', '/v1/inventory?skuRef=CLI-2', { apiKey });
    expect(listed.body.items).toEqual([expect.objectContaining({ locationRef: 'E2E-W2', onHand: 7, safetyStock: 2, available: 5 })]);
    expect(proxy.violations).toEqual([]);
  }, 150_000);
});
