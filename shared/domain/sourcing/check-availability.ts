import * as z from 'zod';
import { skuRefSchema } from '../inventory/position';
import { locationRefSchema } from '../locations/location';
import { retailerFor } from '../orchestration/retailer-scope';
import { ValidationError } from '../domain-errors';
import { planFulfilments } from './plan-fulfilments';
import { committedSource, loadSourcingInputs, type SourcingData } from './sourcing-inputs';
import type { StockRead } from '../../engine/engine-store';
import { retailerIdSchema } from '../../engine/workflow';

const point = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

/** The body of POST /v1/availability. */
export const availabilityInputSchema = z.strictObject({
  retailerId: retailerIdSchema,
  type: z.enum(['HD', 'CC']),
  lines: z.array(z.strictObject({ skuRef: skuRefSchema, qty: z.number().int().positive() })).min(1).max(200),
  deliveryPoint: point.optional(),
  pickupLocationRef: locationRefSchema.optional(),
  maxSplit: z.number().int().min(1).max(10).optional(),
});

export type AvailabilityInput = z.infer<typeof availabilityInputSchema>;

/**
 * Ranked fulfilment plans for the lines; reserves nothing. Read from the availability read model,
 * which may lag the latest writes by a moment; an answer that something is short is checked against
 * the stock read exactly, so "not available" is never the read model's word alone.
 */
export const checkAvailability = async (input: AvailabilityInput, scope: { retailerId?: string }, data: SourcingData) => {
  const retailerId = retailerFor(input.retailerId, scope);
  if (input.type === 'CC' && !input.pickupLocationRef) {
    throw new ValidationError('pickupLocationRef is required for a CC (click and collect) request', 'pickupLocationRef');
  }
  if (input.type === 'HD' && !input.deliveryPoint) {
    throw new ValidationError('deliveryPoint is required for an HD (home delivery) request', 'deliveryPoint');
  }
  const skuRefs = input.lines.map((line) => line.skuRef);
  const planFrom = async (read: StockRead) => {
    const { profile, locations, positions } = await loadSourcingInputs(retailerId, skuRefs, committedSource(data, read));
    return planFulfilments(input, profile, locations, positions);
  };
  const summarised = await planFrom('summary');
  const result = summarised.available ? summarised : await planFrom('exact');
  return {
    available: result.available,
    plans: result.plans.map((plan) => ({
      fulfilments: plan.fulfilments,
      splitCount: plan.splitCount,
      totalDistanceKm: plan.totalDistanceKm,
    })),
    shortfalls: result.shortfalls,
  };
};
