import type { OrderReturns } from '../ports/order-returns';
import { accountContext, type AccountContext } from './account-context';
import { sealingOrchestrationOf, type SealingOrchestration } from './orchestration';
import { orderReturnsOf } from './returns';

export type OrderReads = SealingOrchestration & { orderReturns: OrderReturns };

const build = (account: AccountContext): OrderReads => ({
  ...sealingOrchestrationOf(account.accountId),
  orderReturns: orderReturnsOf(account.accountId),
});

/** What reading an order needs: its root, the keys that open its customer data, and its returns. */
export const orderReadsOf = (accountId: string): OrderReads => accountContext(accountId).part(build);
