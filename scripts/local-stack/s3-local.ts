import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { StartFailedError, waitFor } from './ports';

export interface RunningS3 {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const projectRoot = resolve(__dirname, '..', '..');

/** A client for the local S3: any credentials do, buckets go in the path. */
export const localS3Client = (endpoint: string): S3Client =>
  new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/**
 * fauxqs 1.9.2's S3, in this process, with the buckets created. fauxqs 2.x needs Node 22.5+. fauxqs is
 * an ES module only: the dynamic import keeps it loadable from this CommonJS code (tsx, jest's global
 * setup). Jest test files cannot import ES modules; they use startLocalS3Process. Port 0: any free port.
 */
export const startLocalS3 = async (port: number, buckets: string[]): Promise<RunningS3> => {
  const { startFauxqs } = await import('fauxqs');
  const server = await startFauxqs({ port, logger: false });
  server.setup({ buckets });
  return { endpoint: `http://127.0.0.1:${server.port}`, port: server.port, stop: () => server.stop() };
};

/** The same server as a child process, for code that runs inside jest's module sandbox. */
export const startLocalS3Process = async (port: number, buckets: string[]): Promise<RunningS3> => {
  const child = spawn(process.execPath, [resolve(projectRoot, 'node_modules/fauxqs/dist/cli.js')], {
    cwd: projectRoot,
    env: { ...process.env, FAUXQS_PORT: String(port), FAUXQS_LOGGER: 'false' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const client = localS3Client(endpoint);
  try {
    await waitFor(
      'the local S3',
      async () => {
        if (child.exitCode !== null) throw new StartFailedError(`fauxqs exited with code ${child.exitCode}`);
        await client.send(new ListBucketsCommand({}));
        return true;
      },
      15_000,
    );
    for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port, stop };
};
