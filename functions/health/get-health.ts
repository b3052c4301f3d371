import { checkHealth } from '../../shared/domain/health/check-health';
import { publicRoute } from '../../shared/http/route';

export const handler = publicRoute(async ({ deps }) => {
  const health = await checkHealth({ controlPlane: deps.controlPlane, version: deps.settings.version });
  return { status: health.status === 'ok' ? 200 : 503, body: health };
});
