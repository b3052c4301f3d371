/** One answer of a stage's HTTP API. */
export interface StageResponse {
  status: number;
  /** The parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
}

/** A running stage's HTTP API, at its base URL. */
export interface StageApi {
  readonly baseUrl: string;
  request(method: string, path: string, options?: { apiKey?: string; body?: unknown }): Promise<StageResponse>;
}

/** One webhook message as a receiver got it: the raw body and the headers. */
export interface ReceivedWebhook {
  body: string;
  headers: Record<string, string>;
}

/** A receiver on this machine that Ordo can post webhooks to. */
export interface WebhookInbox {
  readonly url: string;
  /** The next message whose `webhook-id` satisfies `wanted`, or an error after `timeoutMs`. */
  next(wanted: (webhookId: string) => boolean, timeoutMs: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}
