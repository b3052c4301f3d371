import type { ExecutionResult } from '../../engine/engine';
import type { OrchestrationMetrics } from '../../ports/operational-metrics';
import { ORDER } from '../orders/order';

/**
 * Counts one run as operators see it: its outcome, and the orders it created (an order is created by
 * the sync route, the queue or an API event alike, so the commit is the one place that knows).
 */
export const countRun = (result: ExecutionResult, metrics: OrchestrationMetrics): void => {
  metrics.eventProcessed(result.outcome);
  const created = (result.unitOfWork?.entities ?? []).filter((change) => change.expectedVersion === null && change.entity.entityType === ORDER);
  metrics.ordersCreated(created.length);
};
