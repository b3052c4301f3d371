import { catalogFor } from '../../shared/config/catalog';
import { getLocation } from '../../shared/domain/locations/locations';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'LOCATION_READ', scope: 'shared' }, async ({ principal, path }) =>
  ok(await getLocation(path.ref ?? '', catalogFor(principal.accountId))),
);
