import { controlPlane } from '../../shared/composition/control-plane';
import { settings } from '../../shared/composition/settings';
import { checkHealth, type Health } from '../../shared/domain/health/check-health';
import { publicRoute } from '../../shared/http/public-route';

const context = () => ({ controlPlane: controlPlane(), version: settings().version });

export const handler = publicRoute(
  { status: (health: Health) => (health.status === 'ok' ? 200 : 503), context },
  (_input, caller, context) => checkHealth({}, caller, context),
);
