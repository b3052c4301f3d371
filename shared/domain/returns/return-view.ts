import type { Entity } from '../../engine/engine-model';
import { isRecord } from '../privacy/customer-data';

// Returns can be created through the Event API with any attributes: what has not the expected shape is left out.
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A return as the API shows it: it carries no customer data. */
export const returnView = (entity: Entity) => {
  const attributes = isRecord(entity.attributes) ? entity.attributes : {};
  return {
    ref: entity.ref,
    retailerId: entity.retailerId,
    orderRef: text(attributes.orderRef),
    returnLocationRef: text(attributes.returnLocationRef),
    status: entity.status,
    lines: Array.isArray(attributes.lines) ? attributes.lines : [],
    currency: text(attributes.currency),
    ...(typeof attributes.refundableAmount === 'number' ? { refundableAmount: attributes.refundableAmount } : {}),
    workflowVersion: entity.workflowVersion,
    createdOn: entity.createdOn,
    updatedOn: entity.updatedOn,
  };
};

export type ReturnView = ReturnType<typeof returnView>;
