'use strict';

/**
 * Points `serverless invoke local` at the running local stack (`npm start`): the handler gets the
 * stack's endpoints, credentials and keys, and the sample event's placeholders (`<apiKey>`,
 * `<operatorKey>`, `<jobId>`…) are filled in. With no stack running it says so and changes nothing.
 * The logic lives in scripts/local-stack/invoke-local.ts, loaded only for `invoke local`, so
 * packaging and serverless offline never load TypeScript.
 */
class InvokeLocalStack {
  constructor(serverless, options, { log } = {}) {
    this.serverless = serverless;
    this.options = options;
    this.log = log ?? { notice: (line) => console.log(line) };
    // Taken now: serverless-esbuild points serviceDir at its build folder before invoking.
    this.serviceDir = serverless.serviceDir;
    this.hooks = {
      initialize: () => this.findStack(),
      // After invoke local has loaded the environment and the event, before it runs the handler.
      'before:invoke:local:invoke': () => this.pointAtStack(),
    };
  }

  invokingLocally() {
    const commands = this.serverless.processedInput?.commands ?? [];
    return commands[0] === 'invoke' && commands[1] === 'local';
  }

  findStack() {
    if (!this.invokingLocally()) return;
    this.logic = InvokeLocalStack.loadLogic();
    const found = this.logic.localStackFor(this.serviceDir, process.env);
    this.log.notice(found.note);
    this.state = found.state;
    if (!this.state) return;
    // Before invoke local reads the configuration: the stack's values replace what only AWS could resolve.
    const { provider, functions } = this.serverless.service;
    provider.environment = this.logic.withStackEnvironment(provider.environment, this.state.environment, true);
    for (const fn of Object.values(functions ?? {})) {
      if (fn.environment) fn.environment = this.logic.withStackEnvironment(fn.environment, this.state.environment, false);
    }
  }

  async pointAtStack() {
    if (!this.state) return;
    for (const name of this.logic.FOREIGN_CREDENTIALS) delete process.env[name];
    this.options.data = await this.logic.fillPlaceholders(this.options.data, this.state);
  }
}

/** The TypeScript half, through tsx; a test that loads TypeScript itself hands it over instead. */
InvokeLocalStack.loadLogic = () => {
  const { require: requireTypeScript } = require('tsx/cjs/api');
  return requireTypeScript('../../scripts/local-stack/invoke-local.ts', __filename);
};

module.exports = InvokeLocalStack;
