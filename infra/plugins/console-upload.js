'use strict';

const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const { consoleCacheControl, consoleContentType } = require('../console-files');

/**
 * After `serverless deploy`, puts the built console (console/dist) and its config.json in the stage's console bucket
 * and has CloudFront fetch index.html and config.json again. `serverless package` is left alone: the bucket exists
 * only once the stack is deployed. Build the console first (npm run console:build); docs/operations/console.md.
 */

/** Every file under `folder`, as paths from the console's root ('/index.html', '/assets/index-4f2a9c.js'). */
const filesUnder = (folder, root = folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(folder, entry.name), root)
      : [`/${relative(root, join(folder, entry.name)).split(sep).join('/')}`],
  );

/** What the deployed console reads at start: the API is on its own origin, under /v1. */
const deployedConsoleConfig = (stage) => ({ apiBase: '', stage });

/** Loaded first by the page: put last, so a browser never gets an index.html naming assets not yet uploaded. */
const ENTRY_POINTS = ['/index.html', '/config.json'];

/**
 * Uploads `distDir` and config.json to `bucket` with each file's content type and cache rule, the hashed assets
 * first and the entry points last, then invalidates the entry points. Assets of earlier deploys stay, so a page
 * loaded before this deploy keeps working. Returns the keys in the order they were put.
 */
const uploadConsole = async ({ distDir, stage, bucket, s3, invalidate }) => {
  const files = filesUnder(distDir).filter((path) => path !== '/config.json');
  const ordered = [...files.filter((path) => !ENTRY_POINTS.includes(path)), ...files.filter((path) => ENTRY_POINTS.includes(path))];
  const put = (path, body) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: path.slice(1),
        Body: body,
        ContentType: consoleContentType(path),
        CacheControl: consoleCacheControl(path),
      }),
    );
  const keys = [];
  for (const path of ordered) {
    if (path === '/index.html') continue;
    await put(path, readFileSync(join(distDir, path)));
    keys.push(path.slice(1));
  }
  await put('/config.json', JSON.stringify(deployedConsoleConfig(stage)));
  keys.push('config.json');
  await put('/index.html', readFileSync(join(distDir, 'index.html')));
  keys.push('index.html');
  await invalidate(ENTRY_POINTS);
  return keys;
};

/** The stack output of each name, from a DescribeStacks answer. */
const outputsOf = (described) =>
  Object.fromEntries(((described.Stacks && described.Stacks[0] && described.Stacks[0].Outputs) || []).map((output) => [output.OutputKey, output.OutputValue]));

class ConsoleUploadPlugin {
  constructor(serverless, options, { log } = {}) {
    this.serverless = serverless;
    this.provider = serverless.getProvider('aws');
    this.log = log || { notice: (line) => console.log(line), warning: (line) => console.warn(line) };
    this.hooks = { 'after:deploy:deploy': () => this.deploy() };
  }

  /** serverless's own credentials (its profile, --aws-profile, the environment) for the SDK v3 client. */
  s3Client() {
    const { credentials } = this.provider.getCredentials();
    return new S3Client({
      region: this.provider.getRegion(),
      credentials: credentials
        ? async () => {
            if (typeof credentials.getPromise === 'function') await credentials.getPromise();
            return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken };
          }
        : undefined,
    });
  }

  async deploy() {
    const distDir = join(this.serverless.serviceDir || this.serverless.config.servicePath, 'console', 'dist');
    if (!existsSync(join(distDir, 'index.html'))) {
      this.log.warning('The console is not built (console/dist/index.html is missing): nothing uploaded. Run npm run console:build, then deploy again.');
      return;
    }
    const stackName = this.provider.naming.getStackName();
    const outputs = outputsOf(await this.provider.request('CloudFormation', 'describeStacks', { StackName: stackName }));
    const bucket = outputs.ConsoleBucketName;
    const distributionId = outputs.ConsoleDistributionId;
    if (!bucket || !distributionId) throw new Error(`Stack ${stackName} has no ConsoleBucketName or ConsoleDistributionId output`);
    const s3 = this.s3Client();
    try {
      const keys = await uploadConsole({
        distDir,
        stage: this.provider.getStage(),
        bucket,
        s3,
        invalidate: (paths) =>
          this.provider.request('CloudFront', 'createInvalidation', {
            DistributionId: distributionId,
            InvalidationBatch: { CallerReference: `ordo-console-${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
          }),
      });
      this.log.notice(`Console: ${keys.length} files uploaded to s3://${bucket}; ${outputs.ConsoleUrl || ''}`);
    } finally {
      s3.destroy();
    }
  }
}

module.exports = ConsoleUploadPlugin;
module.exports.uploadConsole = uploadConsole;
module.exports.deployedConsoleConfig = deployedConsoleConfig;
