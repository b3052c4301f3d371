import { releaseEventSource } from '../../shared/domain/orchestration/event-sources';
import { decodePathParameter } from '../../shared/http/path-parameter';
import { accountRoute } from '../../shared/http/route';
import { noContent } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_SOURCE_UPDATE', scope: 'retailer' }, async ({ principal, path, deps }) => {
  await releaseEventSource(principal.accountId, decodePathParameter(path.source, 'source'), principal, deps);
  return noContent();
});
