import { publicRoute } from '../../shared/http/public-route';
import { refuseUnroutedRequest } from '../../shared/http/route-errors';

/**
 * API Gateway sends here what no route takes: a known path with another method (wired in
 * serverless.yml as ANY on that path) or any other path (the `/{proxy+}` catch-all).
 */
export const handler = publicRoute({}, ({ request }) => refuseUnroutedRequest(request));
