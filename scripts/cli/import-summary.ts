import type { SentBatch } from './batch-uploader';
import { formatCount, formatRefs } from './format';
import type { Counts, JobDetail } from './ordo-client';

/** A record that was not applied, located by its line in the file. */
export interface ImportError {
  line: number;
  skuRef?: unknown;
  locationRef?: unknown;
  code: string;
  message: string;
}

export type ImportStatus = 'COMPLETE' | 'PARTIAL' | 'FAILED';

export interface ImportSummary {
  jobId: string;
  name: string;
  /** COMPLETE when every record was applied or unchanged, FAILED when none was, PARTIAL otherwise. */
  status: ImportStatus;
  /** The job's own status on the server. */
  jobStatus: string;
  file: string;
  /** Records read from the file, malformed lines included. */
  total: number;
  applied: number;
  unchanged: number;
  /** Records the server failed plus the malformed lines, which were not sent. */
  failed: number;
  malformed: number;
  batches: number;
  elapsedSeconds: number;
  recordsPerSecond: number;
  /** The first errors by line (at most `MAX_SUMMARY_ERRORS`). */
  errors: ImportError[];
}

export const MAX_SUMMARY_ERRORS = 100;
const MAX_PRINTED_ERRORS = 10;
const FINAL_FAILURES = new Set(['PARTIAL', 'FAILED']);

/**
 * The counts of the batches this import sent. A POST refused with 503 and sent again leaves a
 * FAILED batch in the job whose records the retry carried; other clients may add batches too.
 */
export const countsOfSent = (job: JobDetail, sent: readonly Pick<SentBatch, 'batchId'>[]): Counts => {
  const ours = new Set(sent.map((batch) => batch.batchId));
  const counts: Counts = { total: 0, applied: 0, unchanged: 0, failed: 0 };
  for (const batch of job.batches) {
    if (!ours.has(batch.batchId)) continue;
    counts.total += batch.total;
    counts.applied += batch.applied;
    counts.unchanged += batch.unchanged;
    counts.failed += batch.failed;
  }
  return counts;
};

/** Whole records a second, with one decimal below 10 so a small file does not read "0 records/s". */
const rateOf = (perSecond: number) => (perSecond < 10 ? Math.round(perSecond * 10) / 10 : Math.round(perSecond));
const formatRate = (perSecond: number) => (perSecond < 10 ? perSecond.toFixed(1) : formatCount(perSecond));

export const summarise = (input: {
  job: JobDetail;
  file: string;
  sent: SentBatch[];
  malformed: ImportError[];
  malformedCount: number;
  elapsedMs: number;
}): ImportSummary => {
  const { job, sent, malformedCount } = input;
  const linesOf = new Map(sent.map((batch) => [batch.batchId, batch.lines]));
  const counts = countsOfSent(job, sent);
  const serverErrors = job.errors.filter(({ batchId }) => linesOf.has(batchId)).map(({ batchId, index, skuRef, locationRef, code, message }) => ({
    line: linesOf.get(batchId)?.[index] ?? 0,
    skuRef,
    locationRef,
    code,
    message,
  }));
  const total = counts.total + malformedCount;
  const failed = counts.failed + malformedCount;
  const succeeded = counts.applied + counts.unchanged;
  const anyBatchFailed = job.batches.some((batch) => linesOf.has(batch.batchId) && FINAL_FAILURES.has(batch.status));
  const status: ImportStatus =
    failed === 0 && !anyBatchFailed ? 'COMPLETE' : succeeded === 0 && total > 0 ? 'FAILED' : 'PARTIAL';
  const elapsedSeconds = input.elapsedMs / 1000;
  return {
    jobId: job.jobId,
    name: job.name,
    status,
    jobStatus: job.status,
    file: input.file,
    total,
    applied: counts.applied,
    unchanged: counts.unchanged,
    failed,
    malformed: malformedCount,
    batches: sent.length,
    elapsedSeconds: Math.round(elapsedSeconds * 1000) / 1000,
    recordsPerSecond: elapsedSeconds > 0 ? rateOf(total / elapsedSeconds) : total,
    errors: [...input.malformed, ...serverErrors].sort((a, b) => a.line - b.line).slice(0, MAX_SUMMARY_ERRORS),
  };
};

/** `line 7: SKU-1@LOC-1 VALIDATION_FAILED qty must be an integer`; a malformed line has no refs to show. */
export const formatImportError = (error: ImportError) => {
  const where = error.line > 0 ? `line ${error.line}` : 'line ?';
  const refs = error.skuRef === undefined && error.locationRef === undefined ? '' : `${formatRefs(error.skuRef, error.locationRef)} `;
  return `${where}: ${refs}${error.code} ${error.message.replace(/^line \d+: /, '')}`;
};

export const formatImportSummary = (summary: ImportSummary) => {
  const rows = [
    ['Job', `${summary.jobId} (${summary.name})`],
    ['Status', summary.status],
    ['Total', formatCount(summary.total)],
    ['Applied', formatCount(summary.applied)],
    ['Unchanged', formatCount(summary.unchanged)],
    ['Failed', `${formatCount(summary.failed)}${summary.malformed ? ` (${formatCount(summary.malformed)} malformed lines, not sent)` : ''}`],
    ['Elapsed', `${summary.elapsedSeconds.toFixed(1)} s · ${formatRate(summary.recordsPerSecond)} records/s`],
  ];
  const lines = rows.map(([label, value]) => `${label.padEnd(10)} ${value}`);
  if (summary.errors.length > 0) {
    const shown = summary.errors.slice(0, MAX_PRINTED_ERRORS);
    lines.push('', `First ${shown.length} error${shown.length === 1 ? '' : 's'} of ${formatCount(summary.failed)}:`);
    lines.push(...shown.map((error) => `  ${formatImportError(error)}`));
  }
  return `${lines.join('\n')}\n`;
};
