import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue's URL, looked up once per container so the deployment only needs the queue's name. */
export class QueueUrl {
  private url?: Promise<string>;

  constructor(
    private readonly client: SQSClient,
    private readonly queueName: string,
  ) {}

  get(): Promise<string> {
    this.url ??= this.client
      .send(new GetQueueUrlCommand({ QueueName: this.queueName }))
      .then(({ QueueUrl }) => {
        if (!QueueUrl) throw new Error(`Queue ${this.queueName} has no URL`);
        return QueueUrl;
      })
      .catch((error: unknown) => {
        // A failed lookup is not kept: the next message tries again.
        this.url = undefined;
        throw error;
      });
    return this.url;
  }
}
