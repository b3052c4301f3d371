import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';
import { eventNameSchema } from '../../../engine/rules/core/event-target-schema';
import { ORDER } from '../../orders/order';
import { orderFinderOf } from '../../orders/awaiting-orders';

const skuRefOf = (value: unknown): string | undefined => (typeof value === 'string' && value.length ? value : undefined);

/**
 * Runs on an INVENTORY_POSITION whose stock changed: sends `eventName` to each order of the same
 * retailer in `status` with a line of the position's SKU (those waiting longest first, at most
 * `limit`), e.g. RETRY_SOURCING to orders in AWAITING_STOCK. Each order re-sources on its own
 * root; those that still find no stock stay where they are. The status is the order workflow's,
 * not this one's, so workflow validation does not look for it here.
 */
export const retryAwaitingOrdersRule = defineRule({
  name: 'ordo.inventory.RetryAwaitingOrders',
  description: 'Sends an event (default RETRY_SOURCING) to the orders waiting (default AWAITING_STOCK) for this position\'s SKU.',
  props: z.strictObject({
    eventName: eventNameSchema.default('RETRY_SOURCING'),
    status: z.string().trim().min(1).max(200).default('AWAITING_STOCK'),
    limit: z.number().int().min(1).max(100).default(50),
  }),
  run: async (ctx, props): Promise<Action[]> => {
    const skuRef = skuRefOf(ctx.event.attributes?.skuRef) ?? skuRefOf(ctx.entity.attributes.skuRef);
    if (!skuRef) return [{ type: 'LOG', level: 'WARN', message: `${ctx.entity.entityType} ${ctx.entity.ref} has no skuRef; no order to retry` }];
    const orders = await orderFinderOf(ctx.services).awaitingOrders(ctx.entity.retailerId, props.status, skuRef, props.limit);
    return orders.map(
      (order): Action => ({
        type: 'SEND_EVENT',
        // Another root: the engine queues it through the outbox for the order's own execution.
        event: { name: props.eventName, entitySubtype: order.subtype, rootEntityType: ORDER, rootEntityRef: order.ref },
        target: { entityType: ORDER, entityRef: order.ref },
      }),
    );
  },
});
