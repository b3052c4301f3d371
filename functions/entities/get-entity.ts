import { orchestrationFor } from '../../shared/config/orchestration';
import { entityQuerySchema, getEntity } from '../../shared/domain/orchestration/entity-queries';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'ENTITY_READ', scope: 'retailer' }, async ({ principal, path, query }) =>
  ok(await getEntity(path.entityType ?? '', path.ref ?? '', validate(entityQuerySchema, query), orchestrationFor(principal.accountId), principal)),
);
