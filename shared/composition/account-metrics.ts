import { EmfAccountMetrics } from '../adapters/metrics/emf-account-metrics';
import type { BatchMetrics, OrchestrationMetrics, WebhookMetrics } from '../ports/operational-metrics';
import { accountContext, type AccountContext } from './account-context';

const build = ({ accountId }: AccountContext) => new EmfAccountMetrics(accountId);

/** The figures one account's work adds to, as embedded-metric lines. */
export const accountMetricsOf = (accountId: string): OrchestrationMetrics & BatchMetrics & WebhookMetrics => accountContext(accountId).part(build);
