import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoCatalog } from '../../scripts/local-stack/demo-seed';
import { localS3Client } from '../../scripts/local-stack/s3-local';
import { STACK_STATE_FILE, writeStackState, type LocalStackState } from '../../scripts/local-stack/stack-state';
import { baseUrl, http, operatorKey } from './http-client';

export interface SampleStack {
  /** The e2e stack as `npm start` records it, pointing at the suite's own account. */
  state: LocalStackState;
  /** Where that state is written, for ORDO_STATE_DIR. */
  stateDir: string;
  remove(): void;
}

/**
 * The e2e stack's recorded state, pointing at an account of the suite's own loaded with the demo catalogue, so the
 * samples' writes never reach the demo account the other suites use, and at a drop bucket of its own, so the import
 * sample does not race the stack's scheduled import over other suites' files.
 */
export const sampleStack = async (accountId: string): Promise<SampleStack> => {
  const stack = JSON.parse(readFileSync(join(process.env.ORDO_E2E_STATE_DIR ?? '', STACK_STATE_FILE), 'utf8')) as LocalStackState;
  const created = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId, environment: 'sandbox' } });
  if (created.status !== 201) throw new Error(`account ${accountId} was not created: ${created.status} ${created.text}`);
  await ensureDemoCatalog(baseUrl(), created.body.apiKey);
  const importBucket = `ordo-${accountId}-${process.pid}`;
  const s3 = localS3Client(stack.environment.AWS_ENDPOINT_URL_S3);
  await s3.send(new CreateBucketCommand({ Bucket: importBucket }));
  s3.destroy();
  const stateDir = mkdtempSync(join(tmpdir(), 'ordo-samples-'));
  const state: LocalStackState = {
    ...stack,
    environment: { ...stack.environment, ORDO_IMPORT_BUCKET: importBucket },
    pid: process.pid,
    demoAccountId: accountId,
    demoApiKey: created.body.apiKey,
  };
  writeStackState(stateDir, state);
  return { state, stateDir, remove: () => rmSync(stateDir, { recursive: true, force: true }) };
};
