import { keptOnLocalQueue, LocalBatchFailure } from '../../../shared/runtime/local-batch-failures';

const partial = { batchItemFailures: [{ itemIdentifier: 'm-2' }] };
const whole = { batchItemFailures: [] };

describe('a queue batch response on the local stack and in AWS', () => {
  it('throws a partial failure on the local stack, so the emulator deletes nothing of the batch', () => {
    // Act
    const answer = () => keptOnLocalQueue(partial, { IS_OFFLINE: 'true' });

    // Assess
    expect(answer).toThrow(LocalBatchFailure);
  });

  it('answers a partial failure as it is in AWS, so Lambda deletes only the records that succeeded', () => {
    // Act
    const answer = keptOnLocalQueue(partial, { AWS_LAMBDA_FUNCTION_NAME: 'ordo-production-processQueuedEvents' });

    // Assess
    expect(answer).toBe(partial);
  });

  it('answers a batch with no failure as it is on the local stack too', () => {
    // Act
    const answer = keptOnLocalQueue(whole, { IS_OFFLINE: 'true' });

    // Assess
    expect(answer).toBe(whole);
  });
});
