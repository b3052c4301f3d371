import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_RETAILER } from './local-stack/demo-catalog';
import { fulfilmentEvent } from './local-stack/demo-orders';

/**
 * `npm run demo`: places a home-delivery order on the running local stack, walks its
 * fulfilment through PICKED, PACKED and SHIPPED, and prints the order's timeline from the
 * audit log. Needs `npm start` running in another terminal.
 */
const baseUrl = process.env.ORDO_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const keyFile = resolve('.ordo/demo-key');
const apiKey = process.env.ORDO_API_KEY ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '');

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
};

const main = async () => {
  if (!apiKey) throw new Error('No demo key: start the stack with `npm start` first (or set ORDO_API_KEY)');
  const ref = `DEMO-${Date.now().toString(36).toUpperCase()}`;
  console.log(`Placing home-delivery order ${ref} (3 lines, delivery to Leeds)…`);
  const order = await call('POST', '/v1/orders?mode=sync', {
    ref,
    retailerId: DEMO_RETAILER,
    type: 'HD',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 113 496 0000' },
    deliveryAddress: { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.7997, lon: -1.5492 },
    lines: [
      { skuRef: 'SKU-001', qty: 1, unitPrice: 19.99, currency: 'GBP' },
      { skuRef: 'SKU-002', qty: 2, unitPrice: 4.5, currency: 'GBP' },
      { skuRef: 'SKU-003', qty: 1, unitPrice: 12, currency: 'GBP' },
    ],
  });
  console.log(`  ${order.status}: ${order.fulfilments.map((f: { ref: string; locationRef: string }) => `${f.ref} from ${f.locationRef}`).join(', ')}`);

  for (const fulfilment of order.fulfilments as { ref: string }[]) {
    for (const name of ['PICKED', 'PACKED', 'SHIPPED']) {
      const result = await call('POST', '/v1/events/sync', fulfilmentEvent(ref, fulfilment.ref, name));
      console.log(`  ${fulfilment.ref} ${name}: ${result.status}`);
    }
  }
  const final = await call('GET', `/v1/orders/${ref}`);
  console.log(`Order ${ref} is ${final.status}.\n\nTimeline (audit log, oldest first):`);

  const { items } = await call('GET', `/v1/events?rootEntityRef=${ref}&include=audit&limit=50`);
  for (const event of [...items].reverse()) {
    for (const record of event.audit as Record<string, any>[]) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const what =
        record.kind === 'STATE_CHANGE'
          ? `${record.from} → ${record.to}`
          : record.kind === 'INVENTORY'
            ? `${record.props.kind} ${record.props.qty} × ${record.props.skuRef} at ${record.props.locationRef}`
            : record.kind === 'OUTCOME'
              ? record.outcome
              : (record.name ?? record.message ?? '');
      console.log(`  ${record.at}  ${record.kind.padEnd(14)} ${`${record.entityType} ${record.entityRef}`.padEnd(22)} ${what}`);
    }
  }
};

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
