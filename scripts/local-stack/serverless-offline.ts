import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { freePort, StartFailedError, waitFor } from './ports';

export interface RunningServerless {
  baseUrl: string;
  /** Streams further output to the terminal (after the banner). */
  echo(): void;
  /** Adds a line of the start script's own to the log, and to the terminal once echoing. */
  note(line: string): void;
  stop(): Promise<void>;
}

const projectRoot = resolve(__dirname, '..', '..');

/**
 * Runs `serverless offline` in its own process group, so stopping it also stops anything
 * it started. Output goes to a log file; on a failed start its tail is shown.
 */
export const startServerlessOffline = async (options: {
  httpPort: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
}): Promise<RunningServerless> => {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  let recent = '';
  let echoing = false;

  // Its own build folder: another stack, or `serverless package`, in the same checkout rebuilds `.esbuild`.
  const buildDir = `.esbuild-offline-${options.httpPort}`;
  // serverless-offline's ALB server defaults to port 3003, the console's. It listens only for functions with an
  // `alb` event (Ordo has none); should one come, it gets a free port rather than the console's.
  const albPort = await freePort();
  const child = spawn(
    process.execPath,
    [resolve(projectRoot, 'node_modules/serverless/bin/serverless.js'), 'offline', 'start', '--albPort', String(albPort)],
    { cwd: projectRoot, env: { ...options.env, ORDO_BUILD_DIR: buildDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString()).slice(-4000);
    if (echoing) process.stdout.write(chunk);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const baseUrl = `http://127.0.0.1:${options.httpPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(resolve(projectRoot, buildDir), { recursive: true, force: true });
    log.end();
  };

  try {
    await waitFor(
      'serverless offline',
      async () => {
        if (child.exitCode !== null) throw new StartFailedError(`serverless offline exited with code ${child.exitCode}`);
        // It logs a server that could not listen and keeps running without it.
        if (recent.includes('EADDRINUSE')) throw new StartFailedError('serverless offline could not listen on one of its ports (EADDRINUSE)');
        const response = await fetch(`${baseUrl}/v1/health`);
        return response.status === 200;
      },
      120_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- last output of serverless offline ---\n${recent}`);
  }

  const note = (line: string) => {
    if (log.writableEnded) return;
    onOutput(Buffer.from(`${line}\n`));
  };

  return { baseUrl, echo: () => (echoing = true), note, stop };
};
