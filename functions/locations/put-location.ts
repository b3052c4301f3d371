import { catalogFor } from '../../shared/config/catalog';
import { locationInputSchema } from '../../shared/domain/locations/location';
import { putLocation } from '../../shared/domain/locations/locations';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'LOCATION_UPDATE', scope: 'shared', body: locationInputSchema },
  async ({ principal, path, body, deps }) =>
    ok(await putLocation(path.ref ?? '', body, principal, { ...catalogFor(principal.accountId), clock: deps.clock })),
);
