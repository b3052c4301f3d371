import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, functionOf } from './sample-expectations';

/** `serverless invoke local` run on a sample, as a developer runs it from the repository's root. */
export interface Invocation {
  exitCode: number | null;
  /** What the handler returned, as invoke local prints it last; undefined when it returned nothing. */
  result?: { statusCode?: number; body?: unknown; batchItemFailures?: unknown[] };
  output: string;
}

/** The handler's result: invoke local prints it last, pretty-printed, after the handler's log lines. */
const resultOf = (stdout: string): Invocation['result'] => {
  const start = stdout.lastIndexOf('\n{\n');
  if (start < 0) return undefined;
  try {
    return JSON.parse(stdout.slice(start)) as Invocation['result'];
  } catch {
    return undefined;
  }
};

export const invokeLocal = (file: string, env: NodeJS.ProcessEnv): Promise<Invocation> =>
  new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'invoke', 'local', '--function', functionOf(file), '--path', join('events', file)],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (exitCode) => done({ exitCode, result: resultOf(stdout), output: output.slice(-3000) }));
  });

/** Runs the files a few at a time, each lane in a build folder of its own. */
export const invokeAll = async (lanes: number, files: string[], envOfLane: (lane: number) => NodeJS.ProcessEnv, into: Map<string, Invocation>) => {
  const queue = [...files];
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) into.set(file, await invokeLocal(file, envOfLane(lane)));
    }),
  );
};

