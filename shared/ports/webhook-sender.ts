/** One POST of a signed webhook body to an endpoint the SSRF guard already checked. */
export interface WebhookRequest {
  url: URL;
  /**
   * The addresses the guard resolved `url`'s host to and accepted. The connection goes to one of
   * these and nowhere else, so a DNS answer that changed since the check is never used.
   */
  addresses: readonly string[];
  headers: Readonly<Record<string, string>>;
  /** Sent byte for byte as given: it is what was signed. */
  body: string;
}

/** What came back. `statusCode` is absent when no response arrived; `error` says why, without secrets. */
export interface WebhookResponse {
  statusCode?: number;
  durationMs: number;
  error?: string;
}

/** Sends webhooks. Never throws for what the network or the endpoint does: that is a response with `error`. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
}
