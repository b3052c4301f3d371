import type { Context } from 'aws-lambda';
import { systemClock } from '../adapters/clock/system-clock';
import { PowertoolsFileImportOnce } from '../adapters/idempotency/powertools-file-import-once';
import { createS3Client, S3ImportDrop } from '../adapters/s3/s3-import-drop';
import type { DroppedFileResult, ImportRunDeps, ImportRunLog } from '../domain/jobs/import-dropped-files';
import type { DropFile } from '../ports/import-drop';
import { logger } from '../runtime/logger';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { dynamoDbClient } from './dynamodb-clients';
import { jobsOf } from './jobs';
import { settings } from './settings';
import { instrumented } from '../runtime/sdk-instrumentation';

/**
 * How long a finished import's idempotency record answers for its file version (bucket + key + ETag).
 * It only has to outlast a schedule run that listed the file before another run moved it: a run lasts
 * at most the function's 300 s. The same content dropped again under the same name within this time
 * waits in the folder until the record expires, then is imported as a new file.
 */
export const IMPORT_IDEMPOTENCY_SECONDS = 15 * 60;

const logFile = (file: DropFile, run: DroppedFileResult) => {
  const log = { key: file.key, accountId: file.accountId, etag: file.etag };
  switch (run.result) {
    case 'IMPORTED':
      return logger.info('inventory file imported', { ...log, ...run.outcome });
    case 'ALREADY_IMPORTED':
      return logger.info('inventory file already imported by an overlapping run', log);
    case 'IN_PROGRESS_ELSEWHERE':
      return logger.info('inventory file is being imported by an overlapping run', log);
    case 'FAILED':
      return logger.error('inventory file import failed; the next run tries again', { ...log, error: run.error as Error });
  }
};

const runLog: ImportRunLog = {
  file: logFile,
  finished: (summary) => logger.info('inventory file import run finished', { ...summary }),
};

const build = () => {
  const { importBucket, controlTableName } = settings();
  return {
    drop: new S3ImportDrop(instrumented(createS3Client()), importBucket),
    accounts: controlPlane(),
    jobsOf,
    clock: systemClock,
    once: new PowertoolsFileImportOnce({
      client: dynamoDbClient(),
      tableName: controlTableName,
      bucket: importBucket,
      expiresAfterSeconds: IMPORT_IDEMPOTENCY_SECONDS,
    }),
    log: runLog,
  };
};

/**
 * The scheduled import, for one invocation: the drop bucket, the control plane that says which
 * accounts exist, each account's jobs, and idempotency records in the control-plane table, which
 * expire with this invocation's remaining time while in progress.
 */
export const inventoryImports = (lambda: Context): ImportRunDeps => {
  const parts = containerPart(build);
  return { ...parts, once: parts.once.during(lambda) };
};
