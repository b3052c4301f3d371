import type { LoadClient } from './load-client';
import type { LoadState } from './load-mix';

export interface InvariantResult {
  name: string;
  held: boolean;
  detail: string;
}

interface Position {
  skuRef: string;
  locationRef: string;
  onHand: number;
  reserved: number;
}

/** Waits for the async orders to leave the queue: each answered CREATED is still waiting for its CREATE event. */
export const settleQueuedOrders = async (client: LoadClient, state: LoadState, timeoutMs = 120_000): Promise<string[]> => {
  let waiting = [...state.queued];
  const deadline = Date.now() + timeoutMs;
  while (waiting.length > 0 && Date.now() < deadline) {
    const still: string[] = [];
    for (const ref of waiting) {
      const reply = await client.quietly('GET', `/v1/orders/${encodeURIComponent(ref)}`);
      if (reply.status !== 200 || reply.body.status === 'CREATED') still.push(ref);
    }
    waiting = still;
    if (waiting.length > 0) await new Promise((settle) => setTimeout(settle, 1000));
  }
  return waiting;
};

/** Every position of the SKUs the load ordered holds no more reserved than on hand, and its figures are whole. */
export const stockInvariants = async (client: LoadClient, state: LoadState): Promise<InvariantResult[]> => {
  const positions: Position[] = [];
  let unread = 0;
  for (const skuRef of [...state.skus].sort()) {
    const reply = await client.quietly('GET', `/v1/inventory?skuRef=${encodeURIComponent(skuRef)}`);
    if (reply.status !== 200) unread += 1;
    positions.push(...((reply.body.items as Position[] | undefined) ?? []));
  }
  const over = positions.filter((position) => position.reserved > position.onHand);
  const negative = positions.filter((position) => position.reserved < 0 || position.onHand < 0);
  const sample = (list: Position[]) => list.slice(0, 3).map((p) => `${p.skuRef}@${p.locationRef} reserved ${p.reserved} of ${p.onHand}`).join('; ');
  return [
    { name: 'every position ordered from was read', held: unread === 0, detail: `${state.skus.size} SKUs, ${positions.length} positions${unread ? `, ${unread} unreadable` : ''}` },
    { name: 'reserved ≤ onHand everywhere', held: over.length === 0, detail: over.length ? sample(over) : `${positions.length} positions` },
    { name: 'no negative onHand or reserved', held: negative.length === 0, detail: negative.length ? sample(negative) : `${positions.length} positions` },
  ];
};
