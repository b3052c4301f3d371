import type { Server } from 'node:http';
import { createSqsServer, type ISqsServerOptions } from 'local-aws-sqs';

export interface RunningSqs {
  endpoint: string;
  stop(): Promise<void>;
}

type QueueDefinitions = NonNullable<ISqsServerOptions['queues']>;

const withDeadLetterQueue = (name: string, fifo: boolean, visibilityTimeout: number, maxReceiveCount: number) => {
  const suffix = fifo ? '.fifo' : '';
  const dlq = `${name}-dlq${suffix}`;
  // local-aws-sqs rejects FifoQueue on a standard queue, even when false.
  const kind = fifo ? { FifoQueue: true } : {};
  // As serverless.yml: deduplication and throughput per message group.
  const perGroup = fifo ? { DeduplicationScope: 'messageGroup' as const, FifoThroughputLimit: 'perMessageGroupId' as const } : {};
  return [
    { QueueName: dlq, Attributes: { ...kind } },
    {
      QueueName: `${name}${suffix}`,
      Attributes: {
        ...kind,
        ...perGroup,
        VisibilityTimeout: visibilityTimeout,
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlq}`, maxReceiveCount }),
      },
    },
  ];
};

/** How the events queue hands a message out again, and how often before its DLQ takes it. */
export interface EventsRedelivery {
  visibilityTimeout: number;
  maxReceiveCount: number;
}

/** A developer's stack: a failing event reaches the DLQ after five tries a minute apart, as in AWS but sooner. */
export const LOCAL_EVENTS_REDELIVERY: EventsRedelivery = { visibilityTimeout: 60, maxReceiveCount: 5 };

/** The queues of serverless.yml, created up front: the offline SQS plugin cannot create them here. */
export const localQueues = (stage: string, events: EventsRedelivery = LOCAL_EVENTS_REDELIVERY): QueueDefinitions => [
  ...withDeadLetterQueue(`ordo-${stage}-events`, true, events.visibilityTimeout, events.maxReceiveCount),
  ...withDeadLetterQueue(`ordo-${stage}-inventory-batches`, false, 120, 5),
  ...withDeadLetterQueue(`ordo-${stage}-webhooks`, false, 60, 8),
  // Where the stream relay sends what it gave up on, as the stream mappings do in AWS.
  { QueueName: `ordo-${stage}-outbox-dlq`, Attributes: {} },
];

/**
 * local-aws-sqs runs in this process. It was picked over fauxqs because fauxqs 2.x needs
 * Node 22.5+, and fauxqs 1.x hands out one message per FIFO group per receive.
 */
export const startLocalSqs = async (port: number, stage: string, events?: EventsRedelivery): Promise<RunningSqs> => {
  const server: Server = await createSqsServer({
    port,
    hostname: '127.0.0.1',
    accountId: '000000000000',
    region: 'us-east-1',
    emulateQueueCreationLifecycle: false,
    queues: localQueues(stage, events),
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
};
