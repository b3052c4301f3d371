import type { WebhookRequest, WebhookResponse, WebhookSender } from '../../shared/ports/webhook-sender';

/** A sender that records each request and answers with the next of the given responses (the last repeats). */
export class RecordingWebhookSender implements WebhookSender {
  readonly requests: WebhookRequest[] = [];
  private readonly responses: WebhookResponse[];

  constructor(...responses: WebhookResponse[]) {
    this.responses = responses.length > 0 ? responses : [{ statusCode: 200, durationMs: 12 }];
  }

  async send(request: WebhookRequest): Promise<WebhookResponse> {
    this.requests.push(request);
    return this.responses[Math.min(this.requests.length - 1, this.responses.length - 1)];
  }
}
