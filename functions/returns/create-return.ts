import { returnsOrchestrationOf } from '../../shared/composition/returns';
import { createReturn, type CreateReturnResult } from '../../shared/domain/returns/create-return';
import { returnInputSchema } from '../../shared/domain/returns/return-input';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'ORDER_CREATE',
    scope: 'retailer',
    body: returnInputSchema,
    // The same return sent again answers 200 with the return as it is.
    status: (result: CreateReturnResult) => (result.outcome === 'CREATED' ? 201 : 200),
    view: (result: CreateReturnResult) => result.return,
    context: returnsOrchestrationOf,
  },
  ({ body }, principal, context) => createReturn(body, principal, context),
);
