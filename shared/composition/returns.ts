import { DynamoOrderReturns } from '../adapters/dynamodb/dynamo-order-returns';
import type { ReturnsAccount } from '../domain/returns/create-return';
import type { OrderReturns } from '../ports/order-returns';
import { accountContext, type AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';
import { orchestrationOf } from './orchestration';

const buildOrderReturns = (account: AccountContext): OrderReturns => new DynamoOrderReturns(documentClient(), account.tableName);

/** The returns noted against an account's orders. */
export const orderReturnsOf = (accountId: string): OrderReturns => accountContext(accountId).part(buildOrderReturns);

const build = (account: AccountContext): ReturnsAccount => ({
  ...orchestrationOf(account.accountId),
  orderReturns: orderReturnsOf(account.accountId),
});

/** An account's orchestration with the returns noted against its orders. */
export const returnsOrchestrationOf = (accountId: string): ReturnsAccount => accountContext(accountId).part(build);
