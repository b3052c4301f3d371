import { randomUUID } from 'node:crypto';
import { signWebhookMessage } from '../../shared/domain/webhooks/sign-webhook-message';
import { generateWebhookSecret } from '../../shared/domain/webhooks/webhook-secret';
import type { ReceivedWebhook, StageApi, StageResponse, WebhookInbox } from '../../shared/ports/stage-api';

type Route = (body: unknown, apiKey: string | undefined) => StageResponse | Promise<StageResponse>;

/** A stage's API answering from a table of `METHOD path` routes; anything else is 404. Records every call. */
export class FakeStageApi implements StageApi {
  readonly baseUrl = 'http://127.0.0.1:3999';
  readonly calls: { method: string; path: string; apiKey?: string; body?: unknown }[] = [];
  readonly routes = new Map<string, Route>();

  on(method: string, path: string, route: Route): this {
    this.routes.set(`${method} ${path}`, route);
    return this;
  }

  async request(method: string, path: string, options: { apiKey?: string; body?: unknown } = {}): Promise<StageResponse> {
    this.calls.push({ method, path, ...options });
    const route = this.routes.get(`${method} ${path}`);
    return route ? route(options.body, options.apiKey) : { status: 404, body: { error: { code: 'ROUTE_NOT_FOUND' } } };
  }
}

/** A receiver that holds what was put in it and reports whether it was closed. */
export class FakeWebhookInbox implements WebhookInbox {
  readonly url = 'http://127.0.0.1:4999/smoke';
  readonly received: ReceivedWebhook[] = [];
  closed = false;

  async next(wanted: (webhookId: string) => boolean): Promise<ReceivedWebhook> {
    const found = this.received.find((message) => wanted(message.headers['webhook-id'] ?? ''));
    if (!found) throw new Error('no webhook arrived');
    return found;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * A healthy stage: health ok, a dry run with one action, and webhooks that deliver a `webhook.test` message signed
 * with the subscription's secret (or, with `signWith`, another one) to `inbox`.
 */
export const healthyStage = (inbox: FakeWebhookInbox, options: { signWith?: string } = {}): FakeStageApi => {
  const secret = generateWebhookSecret();
  return new FakeStageApi()
    .on('GET', '/v1/health', () => ({ status: 200, body: { status: 'ok', version: '1.2.3', dynamodb: 'ok', dynamodbLatencyMs: 4 } }))
    .on('POST', '/v1/events/dry-run', () => ({ status: 200, body: { status: 'SUCCESS', actions: [{ ruleset: 'CREATE', rule: 'ordo.core.SetState', action: { type: 'SET_STATE' } }] } }))
    .on('POST', '/v1/webhooks', () => ({ status: 201, body: { webhookId: 'wh_smoke', secret } }))
    .on('POST', '/v1/webhooks/wh_smoke/test', () => {
      const message = { id: `webhook.test|${randomUUID()}`, body: JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: {} }) };
      inbox.received.push({ body: message.body, headers: { ...signWebhookMessage(message, [options.signWith ?? secret], new Date()) } });
      return { status: 200, body: { messageId: message.id, status: 'DELIVERED' } };
    })
    .on('DELETE', '/v1/webhooks/wh_smoke', () => ({ status: 204, body: undefined }));
};
