import { LOCAL_EVENTS_REDELIVERY, localQueues } from '../../../scripts/local-stack/sqs-local';

const eventsQueueOf = (queues: ReturnType<typeof localQueues>) => queues.find((queue) => queue.QueueName === 'ordo-sandbox-events.fifo');

describe('the local queues', () => {
  it('hand a failing event to the events DLQ after five tries a minute apart on a developer\'s stack', () => {
    // Act
    const events = eventsQueueOf(localQueues('sandbox'));

    // Assess
    expect(events?.Attributes).toMatchObject({ VisibilityTimeout: 60 });
    expect(JSON.parse(String(events?.Attributes?.RedrivePolicy))).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:ordo-sandbox-events-dlq.fifo',
      maxReceiveCount: LOCAL_EVENTS_REDELIVERY.maxReceiveCount,
    });
  });

  it('take a shorter redelivery for the events queue when the stack is given one', () => {
    // Act
    const events = eventsQueueOf(localQueues('sandbox', { visibilityTimeout: 5, maxReceiveCount: 2 }));

    // Assess
    expect(events?.Attributes).toMatchObject({ VisibilityTimeout: 5 });
    expect(JSON.parse(String(events?.Attributes?.RedrivePolicy))).toMatchObject({ maxReceiveCount: 2 });
  });

  it('create the events DLQ the markStuckEvents function reads', () => {
    // Act
    const names = localQueues('sandbox').map((queue) => queue.QueueName);

    // Assess
    expect(names).toContain('ordo-sandbox-events-dlq.fifo');
  });
});
