import { DEMO_RETAILER, demoLocations, demoStock } from './demo-catalog';
import { demoOrders } from './demo-orders';

const send = async (baseUrl: string, apiKey: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 400 && !(method === 'GET' && response.status === 404)) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  }
  return { status: response.status, json };
};

/** Runs the calls a few at a time, reporting progress. */
const inBatches = async <T>(items: T[], size: number, run: (item: T) => Promise<unknown>, progress: (done: number) => void) => {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
    progress(Math.min(start + size, items.length));
  }
};

/** The AWS account the local EventBridge emulator puts on every event (serverless.yml, `custom.serverless-offline-aws-eventbridge.account`). */
export const LOCAL_AWS_ACCOUNT = '000000000000';

/** The demo account's bus source: events put on the local bus with it run for the demo retailer. */
export const DEMO_EVENT_SOURCE = 'demo.webshop';

/**
 * Registers the demo event source for the local bus's AWS account; registering it again on
 * every start is harmless.
 */
export const ensureDemoEventSource = async (baseUrl: string, apiKey: string) =>
  send(baseUrl, apiKey, 'POST', '/v1/event-sources', { source: DEMO_EVENT_SOURCE, awsAccountId: LOCAL_AWS_ACCOUNT, retailerId: DEMO_RETAILER });

/**
 * Registers the demo retailer (which installs the reference workflows) and loads 20 locations and
 * their stock into the demo account through the public API, once: a second start finds them there and skips the load.
 */
export const ensureDemoCatalog = async (
  baseUrl: string,
  apiKey: string,
  onProgress: (line: string) => void = () => undefined,
): Promise<{ loaded: boolean; positions: number }> => {
  const retailer = await send(baseUrl, apiKey, 'GET', `/v1/retailers/${DEMO_RETAILER}`);
  const workflows = (retailer.json.workflows as { entityType: string }[] | undefined) ?? [];
  // Registration installs the reference HD, CC and return workflows and the default sourcing profile; registering
  // again installs what a demo kept in .ordo/ from before lacks (the return workflow) and replaces nothing.
  if (retailer.status === 404 || (retailer.json.template === 'reference' && !workflows.some((workflow) => workflow.entityType === 'RETURN_ORDER'))) {
    await send(baseUrl, apiKey, 'PUT', `/v1/retailers/${DEMO_RETAILER}`, { name: 'Demo Retail', template: 'reference' });
  }
  const existing = await send(baseUrl, apiKey, 'GET', '/v1/locations');
  if (((existing.json.items as unknown[]) ?? []).length >= demoLocations.length) return { loaded: false, positions: 0 };

  for (const { ref, ...location } of demoLocations) {
    await send(baseUrl, apiKey, 'PUT', `/v1/locations/${ref}`, location);
  }
  const stock = demoStock();
  await inBatches(
    stock,
    8,
    ({ locationRef, skuRef, onHand, safetyStock }) =>
      send(baseUrl, apiKey, 'PUT', `/v1/inventory/${locationRef}/${skuRef}`, { onHand, safetyStock }),
    (done) => {
      if (done % 200 === 0 || done === stock.length) onProgress(`Loading demo stock: ${done}/${stock.length} positions`);
    },
  );
  return { loaded: true, positions: stock.length };
};

/**
 * Places the demo orders through the public API (sync, so they are booked and sourced at once)
 * when the demo retailer has none yet: a start after orders were placed leaves them alone.
 */
export const ensureDemoOrders = async (baseUrl: string, apiKey: string): Promise<{ placed: number }> => {
  const existing = await send(baseUrl, apiKey, 'GET', `/v1/orders?retailerId=${DEMO_RETAILER}&limit=1`);
  if (((existing.json.items as unknown[]) ?? []).length > 0) return { placed: 0 };
  for (const order of demoOrders) await send(baseUrl, apiKey, 'POST', '/v1/orders?mode=sync', order);
  return { placed: demoOrders.length };
};
