import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const projectRoot = resolve(__dirname, '..', '..');

/** Shown where the console is not part of the checkout: the stack still serves a page saying so. */
export const CONSOLE_PLACEHOLDER = resolve(__dirname, 'console-placeholder');

/** The newest modification time of the files under `folder`, leaving out the folders named in `skip`. */
const newestFileTime = (folder: string, skip: string[]): number =>
  readdirSync(folder, { withFileTypes: true }).reduce((newest, entry) => {
    if (skip.includes(entry.name)) return newest;
    const path = join(folder, entry.name);
    const time = entry.isDirectory() ? newestFileTime(path, skip) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);

export type ConsoleBuildPlan =
  | { build: false; reason: 'absent' }
  | { build: false; reason: 'fresh' }
  | { build: true; reason: 'missing' | 'stale' };

/**
 * Whether `console/dist` must be built: it is kept when its index.html is newer than every file of the console's
 * sources (everything under console/ but dist and node_modules: src, index.html, the Vite config) and openapi.yaml,
 * from which its API client is generated.
 */
export const consoleBuildPlan = (root = projectRoot): ConsoleBuildPlan => {
  const consoleDir = join(root, 'console');
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!existsSync(join(consoleDir, 'src')) || !scripts['console:build']) return { build: false, reason: 'absent' };
  const builtIndex = join(consoleDir, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return { build: true, reason: 'missing' };
  const sources = Math.max(newestFileTime(consoleDir, ['dist', 'node_modules']), statSync(join(root, 'openapi.yaml')).mtimeMs);
  return statSync(builtIndex).mtimeMs > sources ? { build: false, reason: 'fresh' } : { build: true, reason: 'stale' };
};

/** Runs `npm run console:build`; a failed build throws with the end of its output. */
const runConsoleBuild = (root: string): Promise<void> =>
  new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'console:build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`npm run console:build failed (exit ${code})\n--- last output of the console build ---\n${output}`)),
    );
  });

/**
 * Builds the console when its sources changed since the last build and answers the folder to serve: console/dist,
 * or the placeholder page where the checkout has no console.
 */
export const prepareConsole = async (progress: (step: string) => void, root = projectRoot): Promise<string> => {
  const plan = consoleBuildPlan(root);
  if (plan.reason === 'absent') {
    progress('No console sources in this checkout (console/src): serving a placeholder page');
    return CONSOLE_PLACEHOLDER;
  }
  if (!plan.build) {
    progress('Console build skipped: console/dist is newer than every file under console/ and openapi.yaml (delete console/dist to force one)');
  } else {
    progress(`Building the console (npm run console:build${plan.reason === 'stale' ? ': its sources or openapi.yaml changed' : ''})`);
    await runConsoleBuild(root);
  }
  return join(root, 'console', 'dist');
};
