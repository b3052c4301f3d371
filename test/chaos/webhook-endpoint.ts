import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { seededRandom } from '../../scripts/seeded-random';
import { loadSettings } from '../../shared/composition/settings';
import { localSqs, queueUrlOf } from '../support/local-queue';
import { WebhookReceiver } from '../support/webhook-receiver';
import { handWebhookRetries } from '../support/webhooks-queue';

/** One request the endpoint got: the message's `webhook-id`, its body and what the endpoint answered. */
export interface WebhookHit {
  webhookId: string;
  body: string;
  status: number;
}

/** An integrator's endpoint on this machine that answers 500 to a share of the requests, at random. */
export class FlakyEndpoint {
  private constructor(
    private readonly receiver: WebhookReceiver,
    private readonly statuses: number[],
  ) {}

  static async start(failureRate: number, seed: number): Promise<FlakyEndpoint> {
    const draw = seededRandom(seed);
    const statuses: number[] = [];
    const receiver = await WebhookReceiver.start((_request, response) => {
      const status = draw() < failureRate ? 500 : 204;
      statuses.push(status);
      response.writeHead(status).end();
    });
    return new FlakyEndpoint(receiver, statuses);
  }

  url(): string {
    return this.receiver.url().href;
  }

  /** Every request so far with what it was answered (the receiver notes a request before it answers, in order). */
  requests(): WebhookHit[] {
    return this.receiver.received.map((request, index) => ({ webhookId: String(request.headers['webhook-id'] ?? ''), body: request.body, status: this.statuses[index] ?? 0 }));
  }

  close(): Promise<void> {
    return this.receiver.close();
  }
}

/** The webhooks queue's consumer: the retries that came due, handed to the deliver-webhooks function. */
export const deliverDueWebhooks = async (): Promise<number> => {
  const QueueUrl = await queueUrlOf(loadSettings().webhookQueueName);
  const { Messages = [] } = await localSqs().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 5 }));
  if (Messages.length) await handWebhookRetries(Messages);
  return Messages.length;
};
