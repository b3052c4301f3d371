import { handler } from '../../../../functions/webhooks/deliver-webhooks';
import { dispatchWebhooks } from '../../../../shared/domain/webhooks/dispatch-webhooks';
import { createWebhook } from '../../../../shared/domain/webhooks/manage-webhooks';
import { logger } from '../../../../shared/runtime/logger';
import { lambdaContext } from '../../../support/lambda';
import { accountPrincipal } from '../../../support/principals';
import { sqsEvent, sqsRecord } from '../../../support/sqs';
import { fakeWebhookDeliveries, orderCreatedEvent, type FakeWebhookDeliveries } from '../../../support/webhook-deliveries';
import { RecordingWebhookSender } from '../../../support/webhook-sender';

// The composition root binds each account to its table, the queue and the network; the handler
// gets in-memory parts instead. serverless-offline ignores batchItemFailures, so these tests are
// what shows the partial-batch behaviour.
let context: FakeWebhookDeliveries;
const deliverWebhooks = handler.with({ context: () => ({ deliveriesOf: () => context }) });

/** One message whose first attempt failed, and the body of the retry queued for it, once due. */
const dueRetry = async (ref: string): Promise<string> => {
  await dispatchWebhooks(orderCreatedEvent({ id: `ORDER#${ref}#created`, entity: { entityType: 'ORDER', ref } }), context);
  const [{ retry, delaySeconds }] = context.queue.take();
  context.clock.advance(delaySeconds * 1000);
  return JSON.stringify(retry);
};

describe('the deliver-webhooks handler', () => {
  beforeEach(async () => {
    context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 500, durationMs: 5 }, { statusCode: 200, durationMs: 5 }) });
    await createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'] }, accountPrincipal(), context);
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('delivers a due retry and reports no failure', async () => {
    // Prepare
    const batch = sqsEvent(sqsRecord('m-1', await dueRetry('O-1')));

    // Act
    const response = await deliverWebhooks(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(context.sender.requests.map((request) => request.headers['webhook-id'])).toHaveLength(2);
    expect([...context.deliveries.deliveries.values()].map((delivery) => delivery.status)).toEqual(['DELIVERED']);
  });

  it('reports only the record that could not be handled, and handles the others', async () => {
    // Prepare
    const batch = sqsEvent(sqsRecord('m-1', 'not json'), sqsRecord('m-2', await dueRetry('O-1')));

    // Act
    const response = await deliverWebhooks(batch, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect([...context.deliveries.deliveries.values()].map((delivery) => delivery.status)).toEqual(['DELIVERED']);
  });

  it('logs a record that is not JSON without repeating it', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const batch = sqsEvent(sqsRecord('m-1', 'Ada Lovelace, 1 Secret Lane'), sqsRecord('m-2', await dueRetry('O-1')));

    // Act
    await deliverWebhooks(batch, lambdaContext());

    // Assess
    expect(error).toHaveBeenCalledWith('queue record failed', { consumer: 'deliverWebhooks', messageId: 'm-1', receiveCount: 1, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(error.mock.calls)).not.toContain('Ada');
  });

  it('logs a record it could not handle by its names alone, never its body', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const batch = sqsEvent(sqsRecord('m-1', '{"accountId":"acme","customer":"Ada Lovelace"}'), sqsRecord('m-2', await dueRetry('O-1')));

    // Act
    await deliverWebhooks(batch, lambdaContext());

    // Assess
    expect(error).toHaveBeenCalledWith('queue record failed', expect.objectContaining({ consumer: 'deliverWebhooks', messageId: 'm-1', code: 'VALIDATION_FAILED' }));
    expect(JSON.stringify(error.mock.calls)).not.toContain('Ada Lovelace');
  });
});
