'use strict';

/**
 * Lets `serverless package` split the stack without AWS credentials. serverless-plugin-split-stacks first lists the
 * deployed stack's resources, so that a resource already in a nested stack stays there; a package made for CI or for
 * a later `serverless deploy --package` has no stack to ask. Only `serverless deploy` (which packages too, with
 * credentials) consults the deployed stack; `serverless package` plans for a stack as this map lays it out.
 */
class NestedStacksOffline {
  constructor(serverless) {
    const split = serverless.pluginManager.plugins.find((plugin) => plugin.constructor.name === 'ServerlessPluginSplitStacks');
    if (!split) throw new Error('nested-stacks-offline: list it after serverless-plugin-split-stacks');
    const commands = serverless.processedInput?.commands ?? [];
    if (commands[0] !== 'package') return;
    split.migrateExistingResources = function planForAFreshStack() {
      this.existingResources = {};
      return Promise.resolve();
    };
  }
}

module.exports = NestedStacksOffline;
