'use strict';

const { createRequire } = require('node:module');
const { join } = require('node:path');

/**
 * CORS for the console's origins on every HTTP route, so a browser page of one of them may call the API: serverless
 * then gives each path an OPTIONS method answering preflights in AWS, and serverless offline answers them locally
 * (hapi). An empty list adds nothing, so a stage without console origins has no OPTIONS methods at all. The
 * functions add the headers of the answers themselves (shared/http/console-origin.ts), from the same list.
 *
 * serverless.yml:
 *   custom:
 *     consoleCors:
 *       origins: ${param:consoleOrigins}    # comma-separated (or a list); empty: no CORS
 *       headers: [authorization, content-type, ...]
 *
 * Locally it also keeps serverless offline to the list. serverless offline 13 answers every request that carries an
 * Origin with that very origin in Access-Control-Allow-Origin and credentials allowed, whatever the routes say, which
 * would let any site's page read the local API with a key it got hold of. Only under `serverless offline`, the
 * answers to an origin not in the list lose their Access-Control-* headers and no answer allows credentials.
 */

const SETTINGS = 'consoleCors';

const settingsSchema = {
  type: 'object',
  properties: {
    origins: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    headers: { type: 'array', items: { type: 'string' } },
  },
  required: ['origins', 'headers'],
  additionalProperties: false,
};

/** The origins of the setting: comma-separated or a list, blanks and trailing slashes left out. */
const consoleOrigins = (origins) =>
  (Array.isArray(origins) ? origins : String(origins || '').split(','))
    .map((origin) => String(origin).trim().replace(/\/+$/, ''))
    .filter((origin) => origin.length > 0);

/** Puts `cors` on every `http` event of the functions when the list has an origin; answers how many it changed. */
const applyConsoleCors = (functions, settings) => {
  if (!settings) throw new Error(`custom.${SETTINGS} is missing: the console origins and the request headers they may send`);
  const origins = consoleOrigins(settings.origins);
  if (origins.length === 0) return 0;
  let changed = 0;
  for (const fn of Object.values(functions)) {
    for (const event of fn.events || []) {
      if (!event || typeof event.http !== 'object' || event.http === null) continue;
      event.http.cors = { origins, headers: [...settings.headers], allowCredentials: false };
      changed += 1;
    }
  }
  return changed;
};

/**
 * The answer as serverless offline left it after its own CORS step: without credentials, and without any
 * Access-Control-* header unless the request's origin is in the list. `headers` is changed in place.
 */
const keepToConsoleOrigins = (headers, origin, origins) => {
  delete headers['access-control-allow-credentials'];
  if (origins.includes(origin)) return;
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase().startsWith('access-control-')) delete headers[name];
  }
};

/** Wraps every onPreResponse step hapi servers get from now on (serverless offline's CORS step among them). */
const guardOfflineCors = (hapi, origins) => {
  const prototype = Object.getPrototypeOf(hapi.server());
  const ext = prototype.ext;
  if (ext.consoleCorsGuard) return;
  const guarded = function (events, method, options) {
    if (events !== 'onPreResponse' || typeof method !== 'function') return ext.call(this, events, method, options);
    const step = async function (request, h) {
      const result = await method.call(this, request, h);
      const origin = request.headers.origin;
      if (origin && request.response) {
        const response = request.response.isBoom ? request.response.output : request.response;
        keepToConsoleOrigins(response.headers, origin, origins);
      }
      return result;
    };
    return ext.call(this, events, step, options);
  };
  guarded.consoleCorsGuard = true;
  prototype.ext = guarded;
};

class ConsoleCorsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    if (serverless.configSchemaHandler) {
      serverless.configSchemaHandler.defineCustomProperties({ type: 'object', properties: { [SETTINGS]: settingsSchema } });
    }
    this.hooks = {
      // Once variables are resolved, before any command compiles or serves the events.
      initialize: () => this.apply(),
    };
  }

  apply() {
    const { service } = this.serverless;
    const settings = (service.custom || {})[SETTINGS];
    applyConsoleCors(service.functions, settings);
    const commands = (this.serverless.processedInput && this.serverless.processedInput.commands) || [];
    if (commands[0] === 'offline') {
      const fromOffline = createRequire(join(this.serverless.serviceDir || process.cwd(), 'node_modules', 'serverless-offline', 'package.json'));
      guardOfflineCors(fromOffline('@hapi/hapi'), consoleOrigins(settings.origins));
    }
  }
}

module.exports = ConsoleCorsPlugin;
module.exports.applyConsoleCors = applyConsoleCors;
module.exports.consoleOrigins = consoleOrigins;
module.exports.keepToConsoleOrigins = keepToConsoleOrigins;
