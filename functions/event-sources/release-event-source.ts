import * as z from 'zod';
import { eventSourceRegistry } from '../../shared/composition/event-source-registrations';
import { releaseEventSource } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/account-route';
import { percentEncoded } from '../../shared/http/path-parameter';

const context = () => ({ eventSources: eventSourceRegistry() });

export const handler = accountRoute(
  {
    permission: 'EVENT_SOURCE_UPDATE',
    scope: 'retailer',
    path: z.object({ source: percentEncoded('source') }),
    status: 204,
    context,
  },
  ({ path }, principal, context) => releaseEventSource(path, principal, context),
);
