import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLocalStackPorts, startLocalStack, type LocalStack } from '../scripts/local-stack';
import { DEMO_RETAILER, demoSkus } from '../scripts/local-stack/demo-catalog';
import { accountTableName } from '../shared/domain/accounts/account-table';
import referenceHd from '../shared/domain/orders/reference-workflows/order-hd.json';
import { hdOrder } from '../test/support/order-builder';
import { median, percentile, type BenchResult } from './report';
import { stackApi as api } from './stack-api';

const LATENCY_ORDERS = 100;
const BURST_ORDERS = 1_000;
const BURST_CONCURRENCY = 8;
const LEEDS = { lat: 53.7997, lon: -1.5492 };

/** A receiver that notes when each message arrived, by its webhook-id (repeats keep the first time). */
const startReceiver = async () => {
  const arrivals = new Map<string, { at: number; type: string; data: Record<string, unknown> }>();
  let lastArrival = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      lastArrival = at;
      const id = String(request.headers['webhook-id']);
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: Record<string, unknown> };
      if (!arrivals.has(id)) arrivals.set(id, { at, type: message.type, data: message.data });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    quietFor: () => Date.now() - lastArrival,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const waitUntil = async (what: string, done: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Every outbox item left in the table, counted from a raw scan. */
const outboxItems = async (stack: LocalStack, tableName: string): Promise<number> => {
  const client = new DynamoDBClient({ endpoint: stack.dynamoDbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(SK, :outbox)',
        ExpressionAttributeValues: { ':outbox': { S: 'OUTBOX#' } },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  client.destroy();
  return count;
};

/** The reference HD workflow with a custom webhook and a bus event on creation, so every order leaves outbox records. */
const workflowWithOutboundRules = () => {
  const workflow = structuredClone(referenceHd) as { retailerId?: string; rulesets: { name: string; rules: object[] }[] };
  workflow.retailerId = DEMO_RETAILER;
  const create = workflow.rulesets.find((ruleset) => ruleset.name === 'CREATE');
  if (!create) throw new Error('the reference HD workflow has no CREATE ruleset');
  create.rules.push({ name: 'ordo.core.SendWebhook', props: { eventType: 'order.received' } });
  create.rules.push({ name: 'ordo.core.PublishEvent', props: { detailType: 'order.received' } });
  return workflow;
};

const runPool = async (count: number, concurrency: number, task: (n: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
};

/**
 * Webhooks through the whole local stack: orders committed by the HTTP API, the change stream read
 * by the relay, messages signed and POSTed to a local receiver. Measures the time from the API's
 * answer (the commit is done by then) to the `order.created` message, and deliveries per second
 * for a burst of orders; then counts what is left in the outbox with a raw scan.
 */
export const webhookDeliveryBenchmarks = async (): Promise<BenchResult[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-bench-webhooks-'));
  const ports = await freeLocalStackPorts();
  const stack = await startLocalStack({ stateDir: dir, inMemory: true, ports, operatorKey: 'bench-operator-key' });
  const receiver = await startReceiver();
  try {
    const key = stack.demoApiKey;
    await api(stack.baseUrl, key, 'PUT', '/v1/workflows/ORDER/HD', workflowWithOutboundRules());
    await api(stack.baseUrl, key, 'POST', '/v1/webhooks', { url: receiver.url, events: ['*'], retailerId: DEMO_RETAILER });
    const order = (ref: string, n: number) => hdOrder(ref, [{ skuRef: demoSkus[n % demoSkus.length], qty: 1 }], { retailerId: DEMO_RETAILER, deliveryPoint: LEEDS });

    const latencies: number[] = [];
    for (let n = 0; n < LATENCY_ORDERS; n++) {
      const ref = `BENCH-LAT-${n}`;
      await api(stack.baseUrl, key, 'POST', '/v1/orders?mode=sync', order(ref, n));
      const answered = Date.now();
      const arrived = () => [...receiver.arrivals.values()].find((m) => m.type === 'order.created' && m.data.entityRef === ref);
      await waitUntil(`order.created of ${ref}`, () => arrived() !== undefined, 30_000);
      latencies.push(arrived()!.at - answered);
    }

    const before = receiver.arrivals.size;
    const started = Date.now();
    await runPool(BURST_ORDERS, BURST_CONCURRENCY, async (n) => {
      await api(stack.baseUrl, key, 'POST', '/v1/orders?mode=sync', order(`BENCH-BURST-${n}`, n));
    });
    const tableName = accountTableName(stack.stage, 'demo');
    await waitUntil('the relay to drain the outbox', async () => receiver.quietFor() > 3_000 && (await outboxItems(stack, tableName)) === 0, 600_000);
    const burstDeliveries = receiver.arrivals.size - before;
    const burstSeconds = (receiver.quietFor() > 0 ? Date.now() - receiver.quietFor() - started : Date.now() - started) / 1000;
    const left = await outboxItems(stack, tableName);

    return [
      {
        name: 'Webhook commit-to-delivery, order.created after a sync order (local stack), p50',
        value: median(latencies),
        unit: 'ms',
        detail: { orders: LATENCY_ORDERS, p99: percentile(latencies, 99), min: Math.min(...latencies), max: Math.max(...latencies) },
      },
      { name: 'Webhook commit-to-delivery, p99', value: percentile(latencies, 99), unit: 'ms' },
      {
        name: `Webhook deliveries through the relay, ${BURST_ORDERS} orders at ${BURST_CONCURRENCY} concurrent (local stack)`,
        value: Math.round(burstDeliveries / burstSeconds),
        unit: 'deliveries/s',
        detail: { deliveries: burstDeliveries, seconds: burstSeconds },
      },
      {
        name: `Outbox items left after ${BURST_ORDERS + LATENCY_ORDERS} orders (raw scan)`,
        value: left,
        unit: 'items',
        goal: '0',
        met: left === 0,
      },
    ];
  } finally {
    await receiver.close();
    await stack.stop();
  }
};
