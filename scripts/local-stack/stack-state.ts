import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a running local stack tells other tools about itself (`serverless invoke local`, through
 * infra/plugins/invoke-local-stack.js): written once the stack answers, removed when it stops.
 * It holds the operator and demo keys, so it is readable by its owner only, like `admin-key`.
 */
export interface LocalStackState {
  /** The process that runs the stack; a state left behind by a killed stack names a dead one. */
  pid: number;
  stage: string;
  region: string;
  baseUrl: string;
  operatorKey: string;
  /** The account the samples under events/ run in: `demo` on `npm start`'s stack. */
  demoAccountId: string;
  demoApiKey: string;
  /** The environment serverless offline runs the handlers with: endpoints, credentials, keys. */
  environment: Record<string, string>;
}

export const STACK_STATE_FILE = 'stack.json';

export const writeStackState = (stateDir: string, state: LocalStackState): void => {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, STACK_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
};

export const removeStackState = (stateDir: string): void => rmSync(join(stateDir, STACK_STATE_FILE), { force: true });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export type StackLookup = { running: true; state: LocalStackState } | { running: false; reason: string };

/** The stack recorded in `stateDir`, if its process still runs. */
export const runningStack = (stateDir: string): StackLookup => {
  const file = join(stateDir, STACK_STATE_FILE);
  if (!existsSync(file)) return { running: false, reason: `no ${file}` };
  let state: LocalStackState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as LocalStackState;
  } catch {
    return { running: false, reason: `${file} is not valid JSON` };
  }
  if (!Number.isInteger(state.pid) || !isAlive(state.pid)) {
    return { running: false, reason: `${file} names process ${state.pid}, which is no longer running` };
  }
  return { running: true, state };
};
