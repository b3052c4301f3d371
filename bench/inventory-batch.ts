import { invoke } from '../test/support/api-gateway-event';
import type { BenchEnvironment } from './bench-environment';
import { median, type BenchResult } from './report';

const LOCATIONS = Array.from({ length: 20 }, (_, i) => `DC-${String(i).padStart(2, '0')}`);
const RECORDS = 5000;
const FINAL = ['COMPLETE', 'PARTIAL', 'FAILED'];

/** 250 SKUs at 20 locations; `round` shifts every qty so each round changes every record. */
const fullCount = (round: number) =>
  Array.from({ length: RECORDS }, (_, i) => ({
    skuRef: `SKU-${String(Math.floor(i / LOCATIONS.length)).padStart(4, '0')}`,
    locationRef: LOCATIONS[i % LOCATIONS.length],
    qty: ((i * 7 + round) % 97) + 1,
  }));

/**
 * A 5,000-record batch on DynamoDB Local and the local SQS server, handlers in this process:
 * wall time from POST to COMPLETE (the processor takes chunks off the queue as soon as they are
 * there), and the write requests to the account's table counted by an SDK middleware. Then the
 * same records again, which change nothing.
 */
export const inventoryBatchBenchmarks = async ({ counter, newAccount }: BenchEnvironment, rounds = 5): Promise<BenchResult[]> => {
  const { handler: putLocation } = await import('../functions/locations/put-location');
  const { handler: createJob } = await import('../functions/jobs/create-job');
  const { handler: postBatch } = await import('../functions/jobs/post-batch');
  const { handler: getBatch } = await import('../functions/jobs/get-batch');
  const { runBatchProcessor } = await import('../test/support/inventory-queue');
  const accountId = 'bench-batches';
  const apiKey = await newAccount(accountId);
  const tableName = `ordo-bench-acct-${accountId}`;
  for (const [i, ref] of LOCATIONS.entries()) {
    await invoke(putLocation, { method: 'PUT', resource: '/v1/locations/{ref}', pathParameters: { ref }, apiKey, body: { type: 'WAREHOUSE', name: ref, lat: 51 + i / 10, lon: -1 } });
  }
  const job = await invoke(createJob, { method: 'POST', resource: '/v1/jobs', apiKey, body: { name: 'bench', retailerId: 'bench-retail' } });
  const jobId = job.body.jobId as string;

  const send = async (entities: unknown[]) => {
    counter.reset();
    const started = process.hrtime.bigint();
    const posted = await invoke(postBatch, {
      method: 'POST',
      resource: '/v1/jobs/{jobId}/batches',
      pathParameters: { jobId },
      apiKey,
      body: { entityType: 'INVENTORY', action: 'UPSERT', entities },
    });
    if (posted.status !== 202) throw new Error(`batch refused: ${posted.raw}`);
    for (;;) {
      await runBatchProcessor();
      const batch = await invoke(getBatch, {
        method: 'GET',
        resource: '/v1/jobs/{jobId}/batches/{batchId}',
        pathParameters: { jobId, batchId: posted.body.batchId },
        apiKey,
      });
      if (FINAL.includes(batch.body.status)) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        return { ms, writes: counter.writesTo(tableName), batch: batch.body };
      }
    }
  };

  // Warm: bundles loaded, connections open and DynamoDB Local's JVM past its first compiles.
  for (const round of [-2, -1]) await send(fullCount(round));
  const runs = [];
  for (let round = 0; round < rounds; round++) runs.push(await send(fullCount(round)));
  if (runs.some((run) => run.batch.applied !== RECORDS)) throw new Error('a round did not apply every record');
  const resends = [];
  for (let round = 0; round < rounds; round++) resends.push(await send(fullCount(rounds - 1)));
  if (resends.some((run) => run.batch.unchanged !== RECORDS)) throw new Error('a re-send was not reported unchanged');

  const wall = median(runs.map((run) => run.ms)) / 1000;
  const writes = Math.max(...runs.map((run) => run.writes));
  const resendWrites = Math.max(...resends.map((run) => run.writes));
  return [
    {
      name: '5,000-record batch, POST to COMPLETE, DynamoDB Local (median of 5)',
      value: wall,
      unit: 's',
      goal: '≤ 5 s',
      met: wall <= 5,
      detail: { runsSeconds: runs.map((run) => run.ms / 1000) },
    },
    {
      name: 'DynamoDB write requests for that batch (most of 5)',
      value: writes,
      unit: 'writes',
      goal: '≤ 205 (floor 200)',
      met: writes <= 205,
      detail: { perRun: runs.map((run) => run.writes) },
    },
    {
      name: 'DynamoDB write requests for the same 5,000 re-sent unchanged (most of 5)',
      value: resendWrites,
      unit: 'writes',
      goal: '≤ 5',
      met: resendWrites <= 5,
      detail: { perRun: resends.map((run) => run.writes), secondsMedian: median(resends.map((run) => run.ms)) / 1000 },
    },
  ];
};
