import * as z from 'zod';
import type { Action } from '../../actions';
import { defineRule } from '../../rule-registry';

export const releaseReservationsRule = defineRule({
  name: 'ordo.core.ReleaseReservations',
  description:
    'Releases every reservation the entity holds (e.g. on cancel), or only those of the listed SKUs; committed with the rest of the execution.',
  props: z.strictObject({
    skuRefs: z.array(z.string().trim().min(1)).min(1).optional(),
    reason: z.string().trim().min(1).max(200).optional(),
  }),
  run: (ctx, props) =>
    (ctx.entity.reservations ?? [])
      .filter((reservation) => reservation.qty > 0 && (!props.skuRefs || props.skuRefs.includes(reservation.skuRef)))
      .map((reservation): Action => {
        const action: Action = {
          type: 'RELEASE_INVENTORY',
          skuRef: reservation.skuRef,
          locationRef: reservation.locationRef,
          qty: reservation.qty,
        };
        if (props.reason !== undefined) action.reason = props.reason;
        return action;
      }),
});
