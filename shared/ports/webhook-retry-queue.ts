/** A webhook message, as the webhooks queue and its DLQ name it. The account comes from Ordo itself, never a request. */
export interface WebhookMessageRef {
  accountId: string;
  webhookId: string;
  messageId: string;
}

/** The next attempt at a message: `dueOn` is the delivery's `nextAttemptOn` it was queued for. */
export interface WebhookRetry extends WebhookMessageRef {
  dueOn: string;
}

/** The webhooks queue, where retries wait for their time, and its DLQ, where messages that FAILED are kept. */
export interface WebhookRetryQueue {
  /** Queues the retry to arrive after `delaySeconds`, 0 to 900 (15 minutes, the most SQS holds a message back). */
  schedule(retry: WebhookRetry, delaySeconds: number): Promise<void>;
  /** Copies a message that FAILED to the DLQ, for operators to see and redrive. */
  deadLetter(message: WebhookMessageRef): Promise<void>;
}
