import { IdempotencyAlreadyInProgressError, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { ScheduledEvent } from 'aws-lambda';
import { imports } from '../../shared/config/imports';
import { importInventoryFile, type ImportOutcome } from '../../shared/domain/jobs/import-inventory-file';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';
import type { DropFile } from '../../shared/ports/import-drop';

/** Kept back from the wait for the job, to write the report and move the file before the Lambda times out. */
const FINISH_MARGIN_MS = 20_000;
/** A file is not started with less time left than this; it waits for the next run. */
const MIN_START_MS = 60_000;

/** What identifies one version of a dropped file: the idempotency key is its hash. */
interface FileVersion {
  bucket: string;
  key: string;
  etag: string;
}

interface ImportCall {
  file: DropFile;
  waitUntil: Date;
  onRun(): void;
}

let importOnce: ((version: FileVersion, call: ImportCall) => Promise<ImportOutcome>) | undefined;

/**
 * Two schedule runs may overlap (a long import, a retried invocation) and list the same file: the
 * idempotency record, taken in the control-plane table before the import starts, lets one of them
 * import it. A run that finds the record in progress skips the file; one that finds it complete
 * gets the stored outcome without importing again. An import that throws deletes its record, so the
 * next run tries the file again.
 */
const importFileOnce = () =>
  (importOnce ??= makeIdempotent(
    async (_version: FileVersion, call: ImportCall): Promise<ImportOutcome> => {
      call.onRun();
      return importInventoryFile(call.file, { waitUntil: call.waitUntil }, imports().deps);
    },
    { ...imports().idempotency, keyPrefix: 'importInventoryFile' },
  ));

/** Scheduled: imports the new stock files of every account, one after the other, oldest first. */
export const handler = lambdaHandler(async (_event: ScheduledEvent, context) => {
  const { bucket, deps, idempotency } = imports();
  // The in-progress record of a run that dies expires with that run's remaining time.
  idempotency.config.registerLambdaContext(context);
  const files = await deps.drop.listNewFiles();
  const summary = { found: files.length, imported: 0, alreadyImported: 0, inProgressElsewhere: 0, errors: 0, deferred: 0 };

  for (const [position, file] of files.entries()) {
    const remaining = context.getRemainingTimeInMillis();
    if (remaining < MIN_START_MS) {
      summary.deferred = files.length - position;
      break;
    }
    const log = { key: file.key, accountId: file.accountId, etag: file.etag };
    let ran = false;
    try {
      const outcome = await importFileOnce()(
        { bucket, key: file.key, etag: file.etag },
        { file, waitUntil: new Date(Date.now() + remaining - FINISH_MARGIN_MS), onRun: () => (ran = true) },
      );
      if (ran) {
        summary.imported += 1;
        logger.info('inventory file imported', { ...log, ...outcome });
      } else {
        summary.alreadyImported += 1;
        logger.info('inventory file already imported by an overlapping run', log);
      }
    } catch (error) {
      if (error instanceof IdempotencyAlreadyInProgressError) {
        summary.inProgressElsewhere += 1;
        logger.info('inventory file is being imported by an overlapping run', log);
      } else {
        summary.errors += 1;
        logger.error('inventory file import failed; the next run tries again', { ...log, error: error as Error });
      }
    }
  }
  logger.info('inventory file import run finished', summary);
  return summary;
});
