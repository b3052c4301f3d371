import * as z from 'zod';
import { orchestrationFor } from '../../shared/config/orchestration';
import { retailerFor } from '../../shared/domain/orchestration/retailer-scope';
import { uploadWorkflow } from '../../shared/domain/orchestration/workflows';
import { accountRoute } from '../../shared/http/route';
import { created } from '../../shared/http/response';

// The engine's workflow schema validates the body, listing every problem at once.
const body = z.looseObject({ retailerId: z.string().optional() });

export const handler = accountRoute({ permission: 'WORKFLOW_UPDATE', scope: 'retailer', body }, async ({ principal, path, body }) => {
  retailerFor(body.retailerId, principal);
  const key = { entityType: path.entityType ?? '', subtype: path.subtype ?? '' };
  return created(await uploadWorkflow(key, body, orchestrationFor(principal.accountId)));
});
