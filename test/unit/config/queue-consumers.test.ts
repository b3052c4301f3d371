import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';

// serverless.yml may use CloudFormation short forms (!Ref, !GetAtt, !Sub...): keep them as plain values.
const TOLERANT_SCHEMA = DEFAULT_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data })),
);

interface SqsEvent {
  arn: { 'Fn::GetAtt': [string, string] };
  maximumConcurrency?: unknown;
}
interface FunctionConfig {
  timeout?: number;
  reservedConcurrency?: unknown;
  events?: { sqs?: SqsEvent; eventBridge?: { retryPolicy?: Record<string, number>; deadLetterQueueArn?: unknown } }[];
}
interface ServerlessConfig {
  provider: { timeout: number };
  functions: Record<string, FunctionConfig>;
  resources: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
}

const config = load(readFileSync(join(__dirname, '..', '..', '..', 'serverless.yml'), 'utf8'), { schema: TOLERANT_SCHEMA }) as ServerlessConfig;

/** Every function fed by an SQS queue, with the queue's logical id. */
const consumers = Object.entries(config.functions).flatMap(([name, fn]) =>
  (fn.events ?? []).flatMap((event) => (event.sqs ? [{ name, fn, queue: event.sqs.arn['Fn::GetAtt'][0], sqs: event.sqs }] : [])),
);

describe('the queue consumers of serverless.yml', () => {
  it('finds the consumers of the events queue and its DLQ, the inventory and webhooks queues, so the checks below are not vacuous', () => {
    // Assess
    expect(consumers.map(({ queue }) => queue).sort()).toEqual(['EventsDlq', 'EventsQueue', 'InventoryBatchQueue', 'WebhookQueue']);
  });

  it.each(consumers.map((consumer) => [consumer.name, consumer] as const))(
    'gives the queue feeding %s a visibility timeout of at least six times its timeout, so a slow run is not handed out twice',
    (_name, { fn, queue }) => {
      // Act
      const visibility = config.resources.Resources[queue].Properties.VisibilityTimeout as number;

      // Assess
      expect(visibility).toBeGreaterThanOrEqual(6 * (fn.timeout ?? config.provider.timeout));
    },
  );

  it('bounds the inventory and events consumers on their event sources, never with reserved concurrency that throttles receives into the DLQ', () => {
    // Act
    const bounded = consumers.filter(({ queue }) => queue !== 'WebhookQueue');

    // Assess
    expect(bounded.map(({ sqs }) => sqs.maximumConcurrency)).toEqual(bounded.map(() => expect.stringMatching(/^\$\{param:\w+\}$/)));
    expect(consumers.filter(({ fn }) => fn.reservedConcurrency !== undefined)).toEqual([]);
  });

  it('retries the bus ingress rule for an hour and keeps what it could not deliver in a DLQ that EventBridge may write to', () => {
    // Act
    const target = config.functions.ingestBusEvent.events?.find((event) => event.eventBridge)?.eventBridge;
    const policy = config.resources.Resources.BusIngressDlqPolicy.Properties.PolicyDocument as { Statement: { Principal: unknown; Action: string }[] };

    // Assess
    expect(target?.retryPolicy).toEqual({ maximumEventAge: 3600, maximumRetryAttempts: 10 });
    expect(target?.deadLetterQueueArn).toEqual({ 'Fn::GetAtt': ['BusIngressDlq', 'Arn'] });
    expect(policy.Statement).toEqual([expect.objectContaining({ Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage' })]);
  });
});
