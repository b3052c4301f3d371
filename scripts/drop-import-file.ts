// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { loadSettings } from '../shared/composition/settings';
import { dropPrefixOf, movedKeyOf, reportKeyOf } from '../shared/domain/jobs/drop-keys';
import type { DropFolder } from '../shared/ports/import-drop';
import { localS3Client } from './local-stack/s3-local';

const USAGE = `Drops a stock file into the running local stack's import bucket, as an account would in S3.

Usage: npm run drop -- <file> --account <accountId> [--name <name>] [--wait]

  <file>             CSV (skuRef,locationRef,qty[,safetyStock]) or JSON Lines
  --account <id>     the account whose folder it goes to (the demo account is "demo")
  --name <name>      the file name in the bucket (default: the local file's name)
  --wait             wait for the scheduled import (every minute locally) and print its report

The local S3 is on port ORDO_S3_PORT (default 9090); see docs/imports.md.
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { account: { type: 'string' }, name: { type: 'string' }, wait: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.account) {
    process.stderr.write(USAGE);
    return 64;
  }
  const body = await readFile(file);
  const accountId = values.account;
  const name = basename(values.name ?? file);
  const bucket = loadSettings({ ORDO_STAGE: 'sandbox', ORDO_IMPORT_BUCKET: process.env.ORDO_IMPORT_BUCKET }).importBucket;
  const endpoint = `http://127.0.0.1:${process.env.ORDO_S3_PORT ?? 9090}`;
  const client = localS3Client(endpoint);
  const key = `${dropPrefixOf(accountId)}${name}`;
  // S3 times are whole seconds: a report of an earlier drop of this name is older than this.
  const droppedAt = Math.floor(Date.now() / 1000) * 1000;
  try {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  } catch (error) {
    throw new Error(`could not upload to ${endpoint} (${(error as Error).message}). Is the stack running (npm start)?`);
  }
  console.log(`Dropped ${file} as s3://${bucket}/${key}`);
  console.log(`The import runs every minute; its report will be s3://${bucket}/${reportKeyOf(movedKeyOf({ accountId, name }, 'processed'))}`);
  console.log(`(or under failed/ when the file or the account is refused).`);
  if (!values.wait) return 0;

  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    for (const folder of ['processed', 'failed'] as DropFolder[]) {
      const report = await client
        .send(new GetObjectCommand({ Bucket: bucket, Key: reportKeyOf(movedKeyOf({ accountId, name }, folder)) }))
        .then((reply) => ((reply.LastModified?.getTime() ?? 0) >= droppedAt ? reply.Body?.transformToString() : undefined))
        .catch(() => undefined);
      if (report) {
        console.log(`\n${folder}/${name}.report.json:\n${report}`);
        return folder === 'processed' ? 0 : 2;
      }
    }
    await sleep(2_000);
  }
  console.error('No report after 5 minutes: see the logs in .ordo/logs/serverless.log');
  return 1;
};

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(`drop: ${error.message}`);
    process.exit(1);
  });
