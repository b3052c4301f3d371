import type { ChunkQueue } from '../../ports/chunk-queue';
import type { Clock } from '../../ports/clock';
import type { DropFile, DropFolder, ImportDrop } from '../../ports/import-drop';
import { accountIdSchema, type Account } from '../accounts/account';
import { MAX_BATCH_RECORDS, type RecordError } from './batch';
import { isFinal, type BatchStatus } from './batch-status';
import { FILE_IMPORT_RETAILER_ID, parseInventoryFile, type InventoryFileRecord } from './inventory-file';
import { getJob, openJob, type JobDeps } from './manage-jobs';
import { submitBatch } from './submit-batch';

/** Most errors (or malformed lines) a report lists; the counts cover them all. */
export const MAX_REPORTED_ERRORS = 100;

export interface ImportFileDeps {
  drop: ImportDrop;
  accounts: { getAccount(accountId: string): Promise<Account | undefined> };
  /** The account's jobs, bound to its own table; only called once the account is known to exist. */
  jobsOf(accountId: string): JobDeps & { queue: ChunkQueue };
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

export interface ImportFileOptions {
  /** The job is polled until it settles or until this time, whichever comes first; then the report is written. */
  waitUntil: Date;
  /** Default 1 s. */
  pollIntervalMs?: number;
}

export interface ReportedRecordError {
  line: number;
  skuRef: string;
  locationRef: string;
  code: RecordError['code'];
  message: string;
}

interface ReportBase {
  file: string;
  key: string;
  etag: string;
  accountId: string;
  startedOn: string;
  finishedOn: string;
}

export interface ProcessedReport extends ReportBase {
  outcome: 'PROCESSED';
  jobId: string;
  /** As the job stood when the report was written; RUNNING or PENDING when it had not settled by then. */
  status: BatchStatus;
  total: number;
  applied: number;
  unchanged: number;
  failed: number;
  /** The first MAX_REPORTED_ERRORS, by line. */
  errors: ReportedRecordError[];
  /** Only when the job had not settled: where to read the final counts. */
  note?: string;
}

export type FailureReason = 'UNKNOWN_ACCOUNT' | 'MALFORMED_LINES' | 'NO_RECORDS';

export interface FailedReport extends ReportBase {
  outcome: 'FAILED';
  reason: FailureReason;
  message: string;
  /** The first MAX_REPORTED_ERRORS malformed lines; malformedCount counts them all. */
  malformedLines?: { line: number; message: string }[];
  malformedCount?: number;
}

export type ImportReport = ProcessedReport | FailedReport;

/** What the scheduled handler logs and keeps; plain JSON without undefined values. */
export type ImportOutcome =
  | { outcome: 'PROCESSED'; movedTo: string; reportKey: string; jobId: string; status: BatchStatus }
  | { outcome: 'FAILED'; movedTo: string; reportKey: string; reason: FailureReason };

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Imports one dropped stock file into the account named by its key, and moves it to `processed/` or
 * `failed/` with a report beside it (the report is written first, so a moved file always has one).
 *
 * - An account that does not exist: `failed/`, and nothing else is touched (no job, no table).
 * - Pass 1 reads the whole file; any malformed line: `failed/` naming the lines, no job.
 * - Pass 2 reads it again into a job, in batches of 5,000 records, remembering each record's line,
 *   then waits for the job to settle until `waitUntil`, and reports its counts and errors by line.
 *   A job still running then is reported as it stands, with its jobId.
 */
export const importInventoryFile = async (file: DropFile, options: ImportFileOptions, deps: ImportFileDeps): Promise<ImportOutcome> => {
  const startedOn = deps.clock.now().toISOString();
  const base = { file: file.name, key: file.key, etag: file.etag, accountId: file.accountId };

  const fail = async (reason: FailureReason, message: string, extra: Partial<FailedReport> = {}): Promise<ImportOutcome> => {
    const report: FailedReport = { ...base, outcome: 'FAILED', reason, message, ...extra, startedOn, finishedOn: deps.clock.now().toISOString() };
    const { movedTo, reportKey } = await finish(deps.drop, file, 'failed', report);
    return { outcome: 'FAILED', movedTo, reportKey, reason };
  };

  const account = accountIdSchema.safeParse(file.accountId).success ? await deps.accounts.getAccount(file.accountId) : undefined;
  if (!account) {
    return fail('UNKNOWN_ACCOUNT', `No account ${file.accountId} in Ordo: the file was not imported.`);
  }

  const scanned = await scan(deps.drop, file);
  if (scanned.malformedCount > 0) {
    return fail(
      'MALFORMED_LINES',
      `${scanned.malformedCount} line(s) could not be read; nothing was imported. Correct them and drop the file again.`,
      { malformedLines: scanned.malformed, malformedCount: scanned.malformedCount },
    );
  }
  if (scanned.records === 0) {
    return fail('NO_RECORDS', 'The file holds no stock lines; nothing was imported.');
  }

  const jobs = deps.jobsOf(account.accountId);
  const job = await openJob({ name: `import ${file.name}`.slice(0, 200), retailerId: FILE_IMPORT_RETAILER_ID }, jobs);
  const linesByBatch = await submitBatches(deps.drop, file, job.jobId, account.accountId, jobs);

  const view = await settle(job.jobId, jobs, deps, options);
  const settled = isFinal(view.status);
  const report: ProcessedReport = {
    ...base,
    outcome: 'PROCESSED',
    jobId: view.jobId,
    status: view.status,
    total: view.total,
    applied: view.applied,
    unchanged: view.unchanged,
    failed: view.failed,
    errors: view.errors
      .map(({ batchId, index, skuRef, locationRef, code, message }) => ({
        line: linesByBatch.get(batchId)?.[index] ?? 0,
        skuRef,
        locationRef,
        code,
        message,
      }))
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_REPORTED_ERRORS),
    ...(settled ? {} : { note: `The job was still ${view.status} when this report was written; GET /v1/jobs/${view.jobId} has the final counts.` }),
    startedOn,
    finishedOn: deps.clock.now().toISOString(),
  };
  const { movedTo, reportKey } = await finish(deps.drop, file, 'processed', report);
  return { outcome: 'PROCESSED', movedTo, reportKey, jobId: view.jobId, status: view.status };
};

const finish = async (drop: ImportDrop, file: DropFile, to: DropFolder, report: ImportReport) => {
  const reportKey = await drop.writeReport(file, to, report);
  const movedTo = await drop.move(file, to);
  return { movedTo, reportKey };
};

/** Pass 1: structure only, over the whole file, holding no record. */
const scan = async (drop: ImportDrop, file: DropFile) => {
  const malformed: { line: number; message: string }[] = [];
  let malformedCount = 0;
  let records = 0;
  const { chunks } = await drop.read(file);
  for await (const entry of parseInventoryFile(chunks, { fileName: file.name })) {
    if (entry.error) {
      malformedCount += 1;
      if (malformed.length < MAX_REPORTED_ERRORS) malformed.push({ line: entry.line, message: entry.error.message });
    } else {
      records += 1;
    }
  }
  return { malformed, malformedCount, records };
};

/** Pass 2: the records into batches of the job; returns each batch's record lines, by index in the batch. */
const submitBatches = async (
  drop: ImportDrop,
  file: DropFile,
  jobId: string,
  accountId: string,
  jobs: JobDeps & { queue: ChunkQueue },
): Promise<Map<string, number[]>> => {
  const linesByBatch = new Map<string, number[]>();
  let entities: InventoryFileRecord[] = [];
  let lines: number[] = [];
  const post = async () => {
    const { batchId, notQueued } = await submitBatch({ jobId, batch: { entityType: 'INVENTORY', action: 'UPSERT', entities } }, { accountId }, jobs);
    // As when the queue takes none of a batch (submitBatch throws): the file stays where it is
    // and the next run imports it whole, its applied records then being unchanged.
    if (notQueued > 0) throw new Error(`The inventory queue refused ${notQueued} records of ${file.key}; the next run imports the file again`);
    linesByBatch.set(batchId, lines);
    entities = [];
    lines = [];
  };
  const { chunks } = await drop.read(file);
  for await (const entry of parseInventoryFile(chunks, { fileName: file.name })) {
    // The read is pinned to the ETag of pass 1, so this only happens if the parser itself changed its mind.
    if (entry.error) throw new Error(`${file.key} read differently the second time: ${entry.error.message}`);
    entities.push(entry.record);
    lines.push(entry.line);
    if (entities.length === MAX_BATCH_RECORDS) await post();
  }
  if (entities.length > 0) await post();
  return linesByBatch;
};

const settle = async (jobId: string, jobs: JobDeps, deps: ImportFileDeps, options: ImportFileOptions) => {
  const sleep = deps.sleep ?? sleeper;
  const interval = options.pollIntervalMs ?? 1_000;
  for (;;) {
    const view = await getJob({ jobId }, {}, jobs);
    if (isFinal(view.status)) return view;
    if (deps.clock.now().getTime() + interval > options.waitUntil.getTime()) return view;
    await sleep(interval);
  }
};
