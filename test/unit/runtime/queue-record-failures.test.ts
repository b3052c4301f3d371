import type { SQSRecord } from 'aws-lambda';
import { EventFailedError } from '../../../shared/domain/orchestration/queued-event';
import { logger } from '../../../shared/runtime/logger';
import { loggingFailures } from '../../../shared/runtime/queue-record-failures';
import { linesWithMessage, linesWrittenBy } from '../../support/written-lines';

const record = (body: string, receiveCount = '3') =>
  ({ messageId: 'm-7', body, attributes: { ApproximateReceiveCount: receiveCount } }) as unknown as SQSRecord;

describe('loggingFailures', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed record with its consumer, id, receive count and error code, and throws the error on', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const failure = new EventFailedError('e-1', 'Ada Lovelace has no stock');
    const handle = loggingFailures('processQueuedEvents', async () => {
      throw failure;
    });

    // Act
    const handling = handle(record('{"customer":"Ada Lovelace"}'));

    // Assess
    await expect(handling).rejects.toBe(failure);
    expect(error).toHaveBeenCalledWith('queue record failed', { consumer: 'processQueuedEvents', messageId: 'm-7', receiveCount: 3, code: 'EVENT_FAILED' });
    expect(JSON.stringify(error.mock.calls)).not.toContain('Ada');
  });

  it('names an error without a code by its name', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });

    // Act
    await loggingFailures('processInventoryChunks', async () => {
      throw throttled;
    })(record('{}', '1')).catch(() => undefined);

    // Assess
    expect(error).toHaveBeenCalledWith('queue record failed', expect.objectContaining({ code: 'ProvisionedThroughputExceededException', receiveCount: 1 }));
  });

  it('logs nothing and answers what the handling answered when the record is handled', async () => {
    // Prepare
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act
    const answer = await loggingFailures('deliverWebhooks', async () => 'DELIVERED')(record('{}'));

    // Assess
    expect(answer).toBe('DELIVERED');
    expect(error).not.toHaveBeenCalled();
  });

  it('puts the correlation id and account the message came with on the failure line and every line of its handling', async () => {
    // Prepare
    const withContext = {
      ...record('{}'),
      messageAttributes: {
        correlationId: { dataType: 'String', stringValue: 'corr-31' },
        accountId: { dataType: 'String', stringValue: 'acme' },
      },
    } as unknown as SQSRecord;
    const handle = loggingFailures('processQueuedEvents', async () => {
      logger.info('handling');
      throw new EventFailedError('e-1', 'no stock');
    });

    // Act
    const lines = await linesWrittenBy(() => handle(withContext).catch(() => undefined));

    // Assess
    expect(linesWithMessage(lines, 'handling')).toEqual([expect.objectContaining({ correlationId: 'corr-31', accountId: 'acme' })]);
    expect(linesWithMessage(lines, 'queue record failed')).toEqual([
      expect.objectContaining({ correlationId: 'corr-31', accountId: 'acme', code: 'EVENT_FAILED', messageId: 'm-7' }),
    ]);
  });
});
