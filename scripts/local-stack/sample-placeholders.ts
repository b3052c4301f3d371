import type { LocalStackState } from './stack-state';

/**
 * The sample events under events/ name what a reader cannot know in advance with placeholders:
 * `<apiKey>` and `<operatorKey>` for the keys, `<jobId>`, `<webhookId>`… for ids the stack hands
 * out. Against a running local stack each is filled with a real one, made for the purpose
 * through the public API when it names a thing (a job, a webhook subscription, a spare key).
 */
export const PLACEHOLDER = /<(\w+)>/g;

/** Where the sample webhook subscription delivers: the stack's own 404, so every attempt fails at once and no network is reached. */
const SAMPLE_WEBHOOK_PATH = '/v1/sample-webhook-receiver';
const SAMPLE_WEBHOOK_DESCRIPTION = 'Sample subscription for the events/ samples';

type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

const demoCall =
  (state: LocalStackState): Call =>
  async (method, path, body) => {
    const response = await fetch(`${state.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${state.demoApiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };

const sampleWebhook = async (call: Call, baseUrl: string): Promise<string> => {
  const listed = (await call('GET', '/v1/webhooks')).items as { webhookId: string; description?: string; status: string }[];
  const existing = listed.find((webhook) => webhook.description === SAMPLE_WEBHOOK_DESCRIPTION && webhook.status === 'ENABLED');
  if (existing) return existing.webhookId;
  const created = await call('POST', '/v1/webhooks', {
    url: `${baseUrl}${SAMPLE_WEBHOOK_PATH}`,
    events: ['webhook.test'],
    description: SAMPLE_WEBHOOK_DESCRIPTION,
  });
  return String(created.webhookId);
};

/** Fills each placeholder once per event; ids that depend on another (a batch on its job) share it. */
const resolver = (state: LocalStackState) => {
  const call = demoCall(state);
  const memo = new Map<string, Promise<string>>();
  const once = (name: string, make: () => Promise<string>) => {
    if (!memo.has(name)) memo.set(name, make());
    return memo.get(name) as Promise<string>;
  };
  const makers: Record<string, () => Promise<string>> = {
    accountId: async () => state.demoAccountId,
    apiKey: async () => state.demoApiKey,
    operatorKey: async () => state.operatorKey,
    // A spare key of its own, so revoking it leaves the demo key working.
    keyId: async () => String((await call('POST', '/v1/api-keys', { role: 'READONLY' })).keyId),
    jobId: async () => String((await call('POST', '/v1/jobs', { name: 'sample job', retailerId: 'demo-retail' })).jobId),
    batchId: async () => {
      const jobId = await once('jobId', makers.jobId);
      const batch = await call('POST', `/v1/jobs/${jobId}/batches`, {
        entityType: 'INVENTORY',
        action: 'UPSERT',
        entities: [{ skuRef: 'SKU-001', locationRef: 'WH-NORTH', qty: 120 }],
      });
      return String(batch.batchId);
    },
    webhookId: () => sampleWebhook(call, state.baseUrl),
    messageId: async () => {
      const webhookId = await once('webhookId', makers.webhookId);
      return String((await call('POST', `/v1/webhooks/${webhookId}/test`)).messageId);
    },
  };
  return async (name: string): Promise<string | undefined> => (makers[name] ? once(name, makers[name]) : undefined);
};

/** The event with every placeholder the stack can fill filled in; others are left as they are. */
export const fillPlaceholders = async <T>(event: T, state: LocalStackState): Promise<T> => {
  const text = JSON.stringify(event);
  const resolve = resolver(state);
  const names = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
  const values = new Map<string, string>();
  for (const name of names) {
    const value = await resolve(name);
    if (value !== undefined) values.set(name, value);
  }
  // Values go in JSON-escaped: a sample's body is itself a JSON string inside the event.
  const filled = text.replace(PLACEHOLDER, (whole, name: string) =>
    values.has(name) ? JSON.stringify(values.get(name)).slice(1, -1) : whole,
  );
  return JSON.parse(filled) as T;
};

