import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import ConsoleUploadPlugin, { uploadConsole } from '../../../infra/plugins/console-upload';

const s3 = mockClient(S3Client);

/** A service folder holding a built console: index.html, a hashed script and stylesheet, an icon. */
const builtService = (): string => {
  const serviceDir = mkdtempSync(join(tmpdir(), 'ordo-service-'));
  const dist = join(serviceDir, 'console', 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-4f2a9c.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-4f2a9c.js'), 'export {}');
  writeFileSync(join(dist, 'assets', 'index-77e1b0.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  return serviceDir;
};

const puts = (): PutObjectCommandInput[] => s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);

/** The serverless instance and AWS provider the plugin sees after a deploy of stage `production`. */
const deployedServerless = (serviceDir: string, requests: { service: string; method: string; params: unknown }[]) => ({
  serviceDir,
  config: { servicePath: serviceDir },
  getProvider: () => ({
    naming: { getStackName: () => 'ordo-production' },
    getStage: () => 'production',
    getRegion: () => 'eu-west-1',
    getCredentials: () => ({}),
    request: async (service: string, method: string, params: unknown) => {
      requests.push({ service, method, params });
      if (method === 'describeStacks') {
        return {
          Stacks: [
            {
              Outputs: [
                { OutputKey: 'ConsoleBucketName', OutputValue: 'ordo-production-console' },
                { OutputKey: 'ConsoleDistributionId', OutputValue: 'E2CONSOLE' },
                { OutputKey: 'ConsoleUrl', OutputValue: 'https://d111.cloudfront.net/' },
              ],
            },
          ],
        };
      }
      return {};
    },
  }),
});

const quietLog = { log: { notice: () => undefined, warning: () => undefined } };

describe('the console upload plugin', () => {
  let serviceDir: string;

  beforeEach(() => {
    s3.reset();
    serviceDir = builtService();
  });

  afterEach(() => rmSync(serviceDir, { recursive: true, force: true }));

  it('uploads each built file with its content type, hashed assets cached for a year and the rest checked each time', async () => {
    // Act
    await uploadConsole({ distDir: join(serviceDir, 'console', 'dist'), stage: 'production', bucket: 'console-bucket', s3: new S3Client({}), invalidate: async () => undefined });

    // Assess
    const byKey = Object.fromEntries(puts().map((put) => [put.Key, { type: put.ContentType, cache: put.CacheControl, bucket: put.Bucket }]));
    expect(byKey).toEqual({
      'assets/index-4f2a9c.js': { type: 'text/javascript; charset=utf-8', cache: 'public, max-age=31536000, immutable', bucket: 'console-bucket' },
      'assets/index-77e1b0.css': { type: 'text/css; charset=utf-8', cache: 'public, max-age=31536000, immutable', bucket: 'console-bucket' },
      'favicon.svg': { type: 'image/svg+xml', cache: 'no-cache', bucket: 'console-bucket' },
      'config.json': { type: 'application/json; charset=utf-8', cache: 'no-cache', bucket: 'console-bucket' },
      'index.html': { type: 'text/html; charset=utf-8', cache: 'no-cache', bucket: 'console-bucket' },
    });
  });

  it('writes a config.json pointing the console at the API on its own origin, with the stage', async () => {
    // Act
    await uploadConsole({ distDir: join(serviceDir, 'console', 'dist'), stage: 'production', bucket: 'console-bucket', s3: new S3Client({}), invalidate: async () => undefined });

    // Assess
    const config = puts().find((put) => put.Key === 'config.json');
    expect(JSON.parse(String(config?.Body))).toEqual({ apiBase: '', stage: 'production' });
  });

  it('puts index.html last, so no browser loads a page whose assets are not uploaded yet', async () => {
    // Act
    const keys = await uploadConsole({ distDir: join(serviceDir, 'console', 'dist'), stage: 'production', bucket: 'console-bucket', s3: new S3Client({}), invalidate: async () => undefined });

    // Assess
    expect(keys.at(-1)).toBe('index.html');
    expect(puts().at(-1)?.Key).toBe('index.html');
  });

  it('invalidates index.html and config.json once everything is uploaded', async () => {
    // Prepare
    const invalidated: { paths: string[]; putsBefore: number }[] = [];

    // Act
    await uploadConsole({
      distDir: join(serviceDir, 'console', 'dist'),
      stage: 'production',
      bucket: 'console-bucket',
      s3: new S3Client({}),
      invalidate: async (paths) => invalidated.push({ paths, putsBefore: puts().length }),
    });

    // Assess
    expect(invalidated).toEqual([{ paths: ['/index.html', '/config.json'], putsBefore: 5 }]);
  });

  it('runs after serverless deploy only, never on serverless package', () => {
    // Act
    const plugin = new ConsoleUploadPlugin(deployedServerless(serviceDir, []), {}, quietLog);

    // Assess
    expect(Object.keys(plugin.hooks)).toEqual(['after:deploy:deploy']);
  });

  it("after a deploy, uploads to the bucket the stack's outputs name and invalidates its distribution", async () => {
    // Prepare
    const requests: { service: string; method: string; params: unknown }[] = [];
    const plugin = new ConsoleUploadPlugin(deployedServerless(serviceDir, requests), {}, quietLog);

    // Act
    await plugin.hooks['after:deploy:deploy']();

    // Assess
    expect(new Set(puts().map((put) => put.Bucket))).toEqual(new Set(['ordo-production-console']));
    expect(requests.map(({ service, method }) => `${service}.${method}`)).toEqual(['CloudFormation.describeStacks', 'CloudFront.createInvalidation']);
    expect(requests[1].params).toMatchObject({ DistributionId: 'E2CONSOLE', InvalidationBatch: { Paths: { Quantity: 2, Items: ['/index.html', '/config.json'] } } });
  });

  it('uploads nothing and says how to build when console/dist is missing', async () => {
    // Prepare
    rmSync(join(serviceDir, 'console'), { recursive: true });
    const warnings: string[] = [];
    const plugin = new ConsoleUploadPlugin(deployedServerless(serviceDir, []), {}, { log: { notice: () => undefined, warning: (line: string) => warnings.push(line) } });

    // Act
    await plugin.hooks['after:deploy:deploy']();

    // Assess
    expect(puts()).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('npm run console:build')]);
  });
});
