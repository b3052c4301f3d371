'use strict';

/**
 * Under `serverless offline` only, every queue hands its function one message at a time. serverless-offline-sqs fills a
 * batch before it calls the function, waiting up to 5 s for each further message, so when messages trickle in one
 * waits up to `batchSize` × 5 s: an order's webhook took more than 15 s on a busy local stack. Lambda's poller, with
 * no batching window, hands over whatever has arrived at once. One message per call also keeps a failed message from
 * holding back others, as ReportBatchItemFailures does in AWS and the emulator does not. Deployed batch sizes are not
 * touched: `serverless package` and `deploy` never run this.
 */

/** Sets the batch size of every function's sqs events to 1. */
const oneMessagePerCall = (functions) => {
  for (const definition of Object.values(functions || {})) {
    for (const event of definition.events || []) {
      if (event && event.sqs && typeof event.sqs === 'object') event.sqs.batchSize = 1;
    }
  }
};

class OfflineQueueBatches {
  constructor(serverless) {
    this.hooks = {
      // Before serverless-offline-sqs reads the functions' sqs events ('offline:start:init').
      'before:offline:start:init': () => oneMessagePerCall(serverless.service.functions),
    };
  }
}

module.exports = OfflineQueueBatches;
module.exports.oneMessagePerCall = oneMessagePerCall;
