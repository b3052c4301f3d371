import { invoke } from '../test/support/api-gateway-event';
import type { BenchEnvironment } from './bench-environment';
import { threeRuleWorkflow } from './engine-throughput';
import { median, percentile, type BenchResult } from './report';

/**
 * DynamoDB requests and latency of POST /v1/events/sync, with the real handler in-process on
 * DynamoDB Local. The requests are counted by an SDK middleware on the handler's own client.
 */
export const syncEventRequests = async ({ counter, newAccount }: BenchEnvironment, events = 200): Promise<BenchResult[]> => {
  const { handler: putWorkflow } = await import('../functions/workflows/put-workflow');
  const { handler: postEventSync } = await import('../functions/events/post-event-sync');
  const { orchestrationOf } = await import('../shared/composition/orchestration');
  const apiKey = await newAccount('bench');
  await invoke(putWorkflow, {
    method: 'PUT',
    resource: '/v1/workflows/{entityType}/{subtype}',
    pathParameters: { entityType: 'ORDER', subtype: 'HD' },
    apiKey,
    body: threeRuleWorkflow,
  });
  const send = (ref: string) =>
    invoke(postEventSync, {
      method: 'POST',
      resource: '/v1/events/sync',
      apiKey,
      body: { name: 'CREATE', retailerId: 'bench', entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref },
    });
  await send('warm-up'); // fills the workflow cache, as on a warm container

  counter.reset();
  const latencies: number[] = [];
  for (let i = 0; i < events; i++) {
    const started = process.hrtime.bigint();
    const response = await send(`S-${i}`);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.body.status !== 'SUCCESS') throw new Error(`sync event ${i} came back ${response.raw}`);
  }
  const perEvent = Object.fromEntries(
    Object.entries(counter.byOperation()).map(([operation, count]) => [operation, count / events]),
  );

  // The engine alone, without the API key lookup of the HTTP layer.
  // The engine alone, without the API key lookup: events on existing orders, whose pinned
  // workflow version stays cached for the life of the container.
  const engine = orchestrationOf('bench').engine;
  const update = (i: number) => ({
    id: `engine-${i}`,
    name: 'UPDATE',
    retailerId: 'bench',
    entityType: 'ORDER',
    entitySubtype: 'HD',
    entityRef: `S-${i}`,
    attributes: { note: `n-${i}` },
  });
  await engine.process(update(0));
  counter.reset();
  for (let i = 1; i <= 50; i++) {
    const result = await engine.process(update(i));
    if (result.outcome !== 'SUCCESS') throw new Error(`engine event ${i} came back ${result.outcome}`);
  }
  const engineOnly = Object.fromEntries(Object.entries(counter.byOperation()).map(([op, count]) => [op, count / 50]));
  const engineTotal = Object.values(engineOnly).reduce((sum, count) => sum + count, 0);
  return [
    {
      name: 'DynamoDB requests per sync event, engine (workflow cached)',
      value: engineTotal,
      unit: 'requests',
      goal: '<= 1 read + 1 transactional write',
      met: (engineOnly.Query ?? 0) + (engineOnly.GetItem ?? 0) <= 1 && (engineOnly.TransactWriteItems ?? 0) <= 1 && engineTotal <= 2,
      detail: { byOperation: engineOnly },
    },
    {
      name: 'DynamoDB requests per POST /v1/events/sync (incl. API key lookup)',
      value: Object.values(perEvent).reduce((sum, count) => sum + count, 0),
      unit: 'requests',
      detail: { byOperation: perEvent, events },
    },
    {
      name: 'POST /v1/events/sync latency at the handler, DynamoDB Local, p50',
      value: median(latencies),
      unit: 'ms',
      detail: { p99: percentile(latencies, 99), events },
    },
  ];
};
