import { oneMessagePerCall, type ServerlessFunctionEvents } from '../../../infra/plugins/offline-queue-batches';

const functions = (): Record<string, ServerlessFunctionEvents> => ({
  processQueuedEvents: { events: [{ sqs: { arn: 'events', batchSize: 10 } }] },
  processInventoryChunks: { events: [{ sqs: { arn: 'inventory', batchSize: 2, functionResponseType: 'ReportBatchItemFailures' } }] },
  createOrder: { events: [{ http: { path: '/v1/orders', method: 'post' } }] },
});

describe('the offline-queue-batches serverless plugin', () => {
  it('hands every queue-fed function one message per call', () => {
    // Prepare
    const fns = functions();

    // Act
    oneMessagePerCall(fns);

    // Assess
    expect(fns.processQueuedEvents?.events).toEqual([{ sqs: { arn: 'events', batchSize: 1 } }]);
    expect(fns.processInventoryChunks?.events).toEqual([{ sqs: { arn: 'inventory', batchSize: 1, functionResponseType: 'ReportBatchItemFailures' } }]);
  });

  it('leaves functions without an sqs event alone', () => {
    // Prepare
    const fns = functions();

    // Act
    oneMessagePerCall(fns);

    // Assess
    expect(fns.createOrder?.events).toEqual([{ http: { path: '/v1/orders', method: 'post' } }]);
  });
});
