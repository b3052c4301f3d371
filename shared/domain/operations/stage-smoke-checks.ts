import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { StageApi, StageResponse, WebhookInbox } from '../../ports/stage-api';
import { signWebhookMessage } from '../webhooks/sign-webhook-message';
import { generateWebhookSecret } from '../webhooks/webhook-secret';
import { SmokeCheckFailure, type SmokeCheck } from './smoke-check';

/** What the checks run against: the stage's API, the canary account's key, and a local receiver where one can be reached. */
export interface StageUnderTest {
  api: StageApi;
  /** The canary account's key; without it only the checks that need none run. */
  apiKey?: string;
  /** A receiver the stage can post to; only a stage on this machine can reach one. */
  inbox?: () => Promise<WebhookInbox>;
  /** The retailer the dry-run event is sent for (a retailer-scoped key's own). */
  retailerId?: string;
}

const expectStatus = (what: string, response: StageResponse, status: number): Record<string, unknown> => {
  if (response.status !== status) {
    const code = (response.body as { error?: { code?: string } } | undefined)?.error?.code;
    throw new SmokeCheckFailure(`${what} answered ${response.status}${code ? ` ${code}` : ''}, expected ${status}`);
  }
  return (response.body ?? {}) as Record<string, unknown>;
};

/** (a) The stage answers and every dependency it reports is ok. */
export const healthCheck = (stage: StageUnderTest): SmokeCheck => ({
  name: 'GET /v1/health',
  run: async () => {
    const body = expectStatus('GET /v1/health', await stage.api.request('GET', '/v1/health'), 200);
    const notOk = Object.entries(body).filter(([key, value]) => typeof value === 'string' && key !== 'version' && value !== 'ok');
    if (notOk.length > 0) throw new SmokeCheckFailure(`not ok: ${notOk.map(([key, value]) => `${key} ${String(value)}`).join(', ')}`);
    return `version ${String(body.version)}`;
  },
});

/** A throwaway two-status workflow, so the check needs nothing stored in the canary account. */
const smokeWorkflow = (retailerId: string) => ({
  retailerId,
  entityType: 'ORDER',
  subtype: 'SMOKE',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [{ name: 'CREATE', type: 'ORDER', rules: [{ name: 'ordo.core.SetState', props: { status: 'BOOKED' } }] }],
});

const needsKey = (stage: StageUnderTest): string => {
  if (!stage.apiKey) throw new SmokeCheckFailure('needs the canary account key (--key, ORDO_SMOKE_KEY, or .ordo/demo-key on the local stack)');
  return stage.apiKey;
};

/** (b) The engine runs an event through a draft workflow on the canary account, writing nothing. */
export const dryRunCheck = (stage: StageUnderTest): SmokeCheck => ({
  name: 'POST /v1/events/dry-run',
  run: async () => {
    const retailerId = stage.retailerId ?? 'smoke';
    const event = { name: 'CREATE', retailerId, entityType: 'ORDER', entitySubtype: 'SMOKE', entityRef: `SMOKE-${randomUUID()}` };
    const response = await stage.api.request('POST', '/v1/events/dry-run', { apiKey: needsKey(stage), body: { ...event, workflow: smokeWorkflow(retailerId) } });
    const body = expectStatus('POST /v1/events/dry-run', response, 200);
    const actions = Array.isArray(body.actions) ? body.actions.length : 0;
    if (actions === 0) throw new SmokeCheckFailure(`answered no actions (status ${String(body.status)})`);
    return `${actions} action${actions === 1 ? '' : 's'}, status ${String(body.status)}`;
  },
});

/** Signs a message the way deliveries do and checks it the way integrators do. */
const signAndVerify = (): void => {
  const secret = generateWebhookSecret();
  const message = { id: `smoke|${randomUUID()}`, body: JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: {} }) };
  const headers = signWebhookMessage(message, [secret], new Date());
  new Webhook(secret).verify(message.body, { ...headers });
};

/** The stage's own webhook to a receiver here: subscribe, ask for a test message, verify it, unsubscribe. */
const roundTrip = async (stage: StageUnderTest, openInbox: () => Promise<WebhookInbox>): Promise<string> => {
  const apiKey = needsKey(stage);
  const inbox = await openInbox();
  let webhookId: string | undefined;
  try {
    const created = expectStatus(
      'POST /v1/webhooks',
      await stage.api.request('POST', '/v1/webhooks', { apiKey, body: { url: inbox.url, events: ['webhook.disabled'], description: 'smoke check, deleted after it' } }),
      201,
    );
    webhookId = String(created.webhookId);
    const tested = expectStatus(`POST /v1/webhooks/${webhookId}/test`, await stage.api.request('POST', `/v1/webhooks/${webhookId}/test`, { apiKey }), 200);
    const received = await inbox.next((id) => id === tested.messageId, 10_000);
    try {
      new Webhook(String(created.secret)).verify(received.body, received.headers);
    } catch (error) {
      throw new SmokeCheckFailure(`the received message does not verify: ${(error as Error).message}`);
    }
    return `signed message ${String(tested.messageId)} received at ${inbox.url} and verified`;
  } finally {
    if (webhookId) await stage.api.request('DELETE', `/v1/webhooks/${webhookId}`, { apiKey });
    await inbox.close();
  }
};

/**
 * (c) A signed webhook, checked with `standardwebhooks` as integrators check it. A stage that can reach this machine
 * also sends one for real; any other stage cannot, and the note says the round trip stayed in this process.
 */
export const webhookCheck = (stage: StageUnderTest): SmokeCheck => ({
  name: 'signed webhook round trip',
  run: async () => {
    signAndVerify();
    if (!stage.inbox) return 'signed and verified in process (the stage cannot reach a receiver here)';
    return roundTrip(stage, stage.inbox);
  },
});

/** Every stage-wide check, in order. */
export const stageSmokeChecks = (stage: StageUnderTest): SmokeCheck[] => [healthCheck(stage), dryRunCheck(stage), webhookCheck(stage)];
