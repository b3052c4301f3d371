import * as z from 'zod';
import type { Action } from '../../../engine/actions';
import { defineRule } from '../../../engine/rule-registry';

/** The goods left the building: what the fulfilment reserved comes off onHand and reserved. */
export const consumeReservationsRule = defineRule({
  name: 'ordo.fulfilment.ConsumeReservations',
  description: 'Consumes every reservation the entity holds (shipped or collected goods).',
  props: z.strictObject({}),
  run: (ctx): Action[] =>
    (ctx.entity.reservations ?? [])
      .filter((reservation) => reservation.qty > 0)
      .map((reservation) => ({
        type: 'CONSUME_INVENTORY',
        skuRef: reservation.skuRef,
        locationRef: reservation.locationRef,
        qty: reservation.qty,
      })),
});
