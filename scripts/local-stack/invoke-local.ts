import { resolve } from 'node:path';
import { runningStack, type LocalStackState } from './stack-state';

export { fillPlaceholders } from './sample-placeholders';

/**
 * What `serverless invoke local` needs to run a handler against the running local stack
 * (infra/plugins/invoke-local-stack.js applies it). With no stack running the invocation is left
 * as it is, so invoking with real AWS credentials still works.
 */
export type StackFound = { state?: undefined; note: string } | { state: LocalStackState; note: string };

/** The folder the stack keeps its state in: `.ordo/`, or ORDO_STATE_DIR (a test's own stack). */
export const stateDirFor = (serviceDir: string, env: NodeJS.ProcessEnv): string => resolve(serviceDir, env.ORDO_STATE_DIR || '.ordo');

export const localStackFor = (serviceDir: string, env: NodeJS.ProcessEnv): StackFound => {
  const stateDir = stateDirFor(serviceDir, env);
  const found = runningStack(stateDir);
  if (!found.running) {
    return { note: `No local Ordo stack is running (${found.reason}): invoking with the environment as it is. Start one with npm start.` };
  }
  return { state: found.state, note: `Invoking against the local stack at ${found.state.baseUrl} (state in ${stateDir})` };
};

/**
 * serverless.yml's environment with the stack's laid over it, for the provider and every
 * function: a function's own value that only CloudFormation can resolve (an `Fn::Sub`) would
 * otherwise stop invoke local before the handler runs.
 */
export const withStackEnvironment = (
  configured: Record<string, unknown> | undefined,
  stack: Record<string, string>,
  everything: boolean,
): Record<string, unknown> => {
  const laid = Object.fromEntries(Object.entries(stack).filter(([name]) => everything || (configured ?? {})[name] !== undefined));
  return { ...configured, ...laid };
};

/** Credentials of the developer's own that would otherwise travel with the local ones. */
export const FOREIGN_CREDENTIALS = ['AWS_SESSION_TOKEN', 'AWS_PROFILE'];
