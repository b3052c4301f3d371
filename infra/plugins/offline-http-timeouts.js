'use strict';

/**
 * Under `serverless offline` only, an HTTP function may run up to API Gateway's own limit (29 s) before the emulator
 * answers 504. In AWS each invocation has a sandbox of its own; locally every invocation shares the machine's cores, so
 * a burst (200 concurrent orders on two cores) stretches each one past a deployed timeout sized for a sandbox, and the
 * emulator would answer 504 where AWS would not. Deployed timeouts are not touched: `serverless package` and `deploy`
 * never run this.
 */

const API_GATEWAY_LIMIT_SECONDS = 29;

/** Raises the timeout of every function with an http event to at least the gateway's limit. */
const raiseHttpTimeouts = (functions, providerTimeout) => {
  for (const definition of Object.values(functions || {})) {
    const answersHttp = (definition.events || []).some((event) => event && event.http);
    if (!answersHttp) continue;
    definition.timeout = Math.max(definition.timeout ?? providerTimeout ?? 6, API_GATEWAY_LIMIT_SECONDS);
  }
};

class OfflineHttpTimeouts {
  constructor(serverless) {
    this.hooks = {
      // Before serverless offline builds its Lambda functions from the definitions.
      'before:offline:start:init': () => raiseHttpTimeouts(serverless.service.functions, serverless.service.provider.timeout),
    };
  }
}

module.exports = OfflineHttpTimeouts;
module.exports.raiseHttpTimeouts = raiseHttpTimeouts;
module.exports.API_GATEWAY_LIMIT_SECONDS = API_GATEWAY_LIMIT_SECONDS;
