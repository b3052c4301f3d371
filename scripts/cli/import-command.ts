import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FILE_IMPORT_RETAILER_ID, parseInventoryFile } from '../../shared/domain/jobs/inventory-file';
import { BatchUploader, MAX_BATCH_SIZE, type SentBatch } from './batch-uploader';
import { MAX_SUMMARY_ERRORS, countsOfSent, formatImportSummary, summarise, type ImportError, type ImportSummary } from './import-summary';
import { ExitCode, type CliEnv, type CliIo } from './io';
import { CONNECTION_OPTIONS, apiKeyFrom, defaultBaseUrl, integerOption, onePositional, parseCommandLine } from './options';
import { FINAL_BATCH_STATUSES, OrdoClient, type JobDetail } from './ordo-client';
import { ProgressBar, type ImportProgress } from './progress-bar';
import { IMPORT_USAGE } from './usage';

export interface ImportOptions {
  file: string;
  apiKey: string;
  retailerId: string;
  baseUrl: string;
  /** Default: `import <file name> <ISO time>`. */
  name?: string;
  /** Records per batch, at most 5,000 (default 5,000). */
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  /** Time between two reads of the job while the server works (default 500 ms). */
  pollIntervalMs?: number;
}

/** The file cannot be read: the CLI exits 66 before creating a job. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates a job, streams the file through the parser into batches posted with bounded concurrency,
 * then polls the job until every batch is final. Progress goes to `io.stderr`; the summary is
 * returned. API and network failures throw `OrdoApiError` / `OrdoNetworkError`.
 */
export const runImport = async (options: ImportOptions, io: Pick<CliIo, 'stderr'>): Promise<ImportSummary> => {
  const startedAt = Date.now();
  const fileSize = await sizeOf(options.file);
  const client = new OrdoClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
  const job = await client.createJob({
    name: options.name ?? `import ${basename(options.file)} ${new Date(startedAt).toISOString()}`,
    retailerId: options.retailerId,
  });
  const uploader = new BatchUploader(client, job.jobId, {
    batchSize: options.batchSize ?? MAX_BATCH_SIZE,
    concurrency: options.concurrency ?? 2,
  });
  const progress = new ProgressBar(io.stderr);
  const state: ImportProgress = { phase: 'reading', bytesRead: 0, fileSize, recordsRead: 0, recordsDone: 0 };
  const malformed: ImportError[] = [];
  let malformedCount = 0;
  try {
    const chunks = countingBytes(createReadStream(options.file), (bytes) => (state.bytesRead += bytes));
    for await (const entry of parseInventoryFile(chunks, { fileName: options.file })) {
      state.recordsRead += 1;
      if (entry.error) {
        malformedCount += 1;
        if (malformed.length < MAX_SUMMARY_ERRORS) malformed.push({ line: entry.line, ...entry.error });
      } else {
        await uploader.add(entry.record, entry.line);
      }
      progress.update(state);
    }
    const sent = await uploader.finish();
    state.phase = 'processing';
    const final = await untilBatchesFinal(client, job.jobId, sent, options.pollIntervalMs ?? 500, (detail) => {
      const counts = countsOfSent(detail, sent);
      state.recordsDone = counts.applied + counts.unchanged + counts.failed + malformedCount;
      progress.update(state);
    });
    progress.finish(state);
    return summarise({ job: final, file: options.file, sent, malformed, malformedCount, elapsedMs: Date.now() - startedAt });
  } finally {
    progress.stop();
  }
};

const sizeOf = async (file: string) => {
  const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!stats.isFile()) throw new InputFileError(`cannot read ${file}: not a file`);
  return stats.size;
};

async function* countingBytes(stream: AsyncIterable<Buffer>, onBytes: (bytes: number) => void) {
  for await (const chunk of stream) {
    onBytes(chunk.length);
    yield chunk;
  }
}

const untilBatchesFinal = async (
  client: OrdoClient,
  jobId: string,
  sent: SentBatch[],
  pollIntervalMs: number,
  onPoll: (job: JobDetail) => void,
) => {
  for (;;) {
    const job = await client.getJob(jobId);
    onPoll(job);
    const statusOf = new Map(job.batches.map((batch) => [batch.batchId, batch.status]));
    if (sent.every(({ batchId }) => FINAL_BATCH_STATUSES.includes(statusOf.get(batchId) ?? 'PENDING'))) return job;
    await sleep(pollIntervalMs);
  }
};

const IMPORT_OPTIONS = {
  ...CONNECTION_OPTIONS,
  retailer: { type: 'string' },
  name: { type: 'string' },
  'batch-size': { type: 'string' },
  concurrency: { type: 'string' },
} as const;

/** `ordo import <file> …`: prints the summary (text or `--json`); exits 0 when COMPLETE, 2 otherwise. */
export const importCommand = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const { values, positionals } = parseCommandLine(argv, IMPORT_OPTIONS);
  if (values.help) {
    io.stdout.write(IMPORT_USAGE);
    return ExitCode.OK;
  }
  const file = onePositional(positionals, '<file>');
  const apiKey = apiKeyFrom(values.account, env);
  const retailerId = values.retailer || env.ORDO_RETAILER || FILE_IMPORT_RETAILER_ID;
  const summary = await runImport(
    {
      file,
      apiKey,
      retailerId,
      baseUrl: values.url || defaultBaseUrl(env),
      name: values.name,
      batchSize: integerOption(values['batch-size'], 'batch-size', { min: 1, max: MAX_BATCH_SIZE, default: MAX_BATCH_SIZE }),
      concurrency: integerOption(values.concurrency, 'concurrency', { min: 1, max: 64, default: 2 }),
      pollIntervalMs: Number(env.ORDO_POLL_INTERVAL_MS) || undefined,
    },
    io,
  );
  io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatImportSummary(summary));
  return summary.status === 'COMPLETE' ? ExitCode.OK : ExitCode.INCOMPLETE;
};
