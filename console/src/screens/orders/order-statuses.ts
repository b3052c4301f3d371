/**
 * The order statuses of the reference HD and CC workflows
 * (shared/domain/orders/reference-workflows), for the status filter. A retailer's own workflow
 * may use others: the filter then still narrows by whatever is typed in the link.
 */
export const ORDER_STATUSES = ['CREATED', 'BOOKED', 'AWAITING_STOCK', 'ALLOCATED', 'COMPLETE', 'COLLECTED', 'EXPIRED', 'CANCELLED'];
