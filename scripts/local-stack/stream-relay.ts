import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { localCredentials, localDynamoDbClient } from './dynamodb-local';
import { StreamRelayPoller, type GivenUp, type InvokeRelay } from './stream-relay-poller';
import { LocalChangeStreams } from './stream-reader';

/** How often new tables and shards are looked for, and how often each shard is read. */
const DISCOVER_EVERY_MS = 2_000;
const READ_EVERY_MS = 250;

export interface RunningStreamRelay {
  stop(): Promise<void>;
}

/** serverless offline names a function as AWS does: service, stage and the function's key. */
export const relayFunctionName = (stage: string) => `ordo-${stage}-relayOutbox`;

/** Invokes relayOutbox through serverless offline's Lambda API and reads its batch item failures. */
const invokeThrough =
  (lambda: LambdaClient, functionName: string): InvokeRelay =>
  async (event) => {
    const { Payload, FunctionError } = await lambda.send(new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(event) }));
    const text = Payload ? Buffer.from(Payload).toString('utf8') : '';
    if (FunctionError) {
      const { errorType, errorMessage } = (text ? JSON.parse(text) : {}) as { errorType?: string; errorMessage?: string };
      throw Object.assign(new Error(errorMessage ?? 'the relay function failed'), { name: errorType ?? FunctionError });
    }
    const answer = (text ? JSON.parse(text) : {}) as { batchItemFailures?: { itemIdentifier: string }[] };
    return { failed: (answer.batchItemFailures ?? []).map(({ itemIdentifier }) => itemIdentifier) };
  };

const sendTo = (sqs: SQSClient, queueName: string) => {
  let url: Promise<string> | undefined;
  return async (message: GivenUp) => {
    url ??= sqs.send(new GetQueueUrlCommand({ QueueName: queueName })).then(({ QueueUrl }) => QueueUrl as string);
    await sqs.send(new SendMessageCommand({ QueueUrl: await url, MessageBody: JSON.stringify(message) }));
  };
};

/**
 * Reads every account table's change stream in DynamoDB Local and hands it to relayOutbox, as
 * the stream mappings do in AWS. It runs in the start script's process until `stop`; whatever
 * fails is logged to `log` and never stops it, nor the stack.
 */
export const startStreamRelay = (options: {
  stage: string;
  dynamoDbEndpoint: string;
  lambdaEndpoint: string;
  sqsEndpoint: string;
  log(line: string): void;
}): RunningStreamRelay => {
  const region = 'us-east-1';
  const dynamodb = localDynamoDbClient(options.dynamoDbEndpoint);
  const lambda = new LambdaClient({ endpoint: options.lambdaEndpoint, region, credentials: localCredentials, maxAttempts: 1 });
  const sqs = new SQSClient({ endpoint: options.sqsEndpoint, region, credentials: localCredentials });
  const log = (line: string) => options.log(`[stream relay] ${line}`);
  const poller = new StreamRelayPoller({
    streams: new LocalChangeStreams(dynamodb, options.dynamoDbEndpoint),
    invoke: invokeThrough(lambda, relayFunctionName(options.stage)),
    giveUp: sendTo(sqs, `ordo-${options.stage}-outbox-dlq`),
    tablePrefix: accountTableName(options.stage, ''),
    log,
  });

  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    let discoverAt = 0;
    while (!stopped) {
      try {
        if (Date.now() >= discoverAt) {
          discoverAt = Date.now() + DISCOVER_EVERY_MS;
          await poller.discover();
        }
        await poller.poll();
      } catch (error) {
        log(`looking for account tables' streams failed: ${(error as Error).name}: ${(error as Error).message}`);
      }
      await pause(READ_EVERY_MS);
    }
  };
  const running = run();
  log(`reading account tables' change streams into ${relayFunctionName(options.stage)}`);

  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
      dynamodb.destroy();
      lambda.destroy();
      sqs.destroy();
    },
  };
};
