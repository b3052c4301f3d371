import type { FileImportOnce } from '../../ports/file-import-once';
import type { DropFile } from '../../ports/import-drop';
import { importInventoryFile, type ImportFileDeps, type ImportOutcome } from './import-inventory-file';

/** Kept back from the wait for the job, to write the report and move the file before the run times out. */
export const FINISH_MARGIN_MS = 20_000;
/** A file is not started with less time left than this; it waits for the next run. */
export const MIN_START_MS = 60_000;

export interface ImportRunSummary {
  found: number;
  imported: number;
  alreadyImported: number;
  inProgressElsewhere: number;
  errors: number;
  deferred: number;
}

/** What became of one listed file in this run. */
export type DroppedFileResult =
  | { result: 'IMPORTED'; outcome: ImportOutcome }
  | { result: 'ALREADY_IMPORTED' }
  | { result: 'IN_PROGRESS_ELSEWHERE' }
  /** The file stays where it is: the next run tries again. */
  | { result: 'FAILED'; error: unknown };

/** Hears what became of each file and how the run ended: the run's log. */
export interface ImportRunLog {
  file(file: DropFile, result: DroppedFileResult): void;
  finished(summary: ImportRunSummary): void;
}

export interface ImportRunDeps extends ImportFileDeps {
  once: FileImportOnce;
  log: ImportRunLog;
}

export interface ImportRunInput {
  /** Time this run has left, asked before each file. */
  remainingMs(): number;
}

const importOnce = async (file: DropFile, waitUntil: Date, deps: ImportRunDeps): Promise<DroppedFileResult> => {
  try {
    const run = await deps.once.run(file, () => importInventoryFile(file, { waitUntil }, deps));
    if (run.state === 'RAN') return { result: 'IMPORTED', outcome: run.value };
    return { result: run.state === 'DONE_BEFORE' ? 'ALREADY_IMPORTED' : 'IN_PROGRESS_ELSEWHERE' };
  } catch (error) {
    return { result: 'FAILED', error };
  }
};

const counted: Record<DroppedFileResult['result'], Exclude<keyof ImportRunSummary, 'found' | 'deferred'>> = {
  IMPORTED: 'imported',
  ALREADY_IMPORTED: 'alreadyImported',
  IN_PROGRESS_ELSEWHERE: 'inProgressElsewhere',
  FAILED: 'errors',
};

/**
 * Imports the new stock files of every account, one after the other, oldest first, while the run
 * has time: a file is started only with MIN_START_MS left, and its job is awaited until
 * FINISH_MARGIN_MS before the end. Two runs may overlap (a long import, a retried invocation) and
 * list the same file: `once` lets one of them import it. A file that fails stays for the next run.
 */
export const importDroppedFiles = async ({ remainingMs }: ImportRunInput, deps: ImportRunDeps): Promise<ImportRunSummary> => {
  const files = await deps.drop.listNewFiles();
  const summary: ImportRunSummary = { found: files.length, imported: 0, alreadyImported: 0, inProgressElsewhere: 0, errors: 0, deferred: 0 };
  for (const [position, file] of files.entries()) {
    const remaining = remainingMs();
    if (remaining < MIN_START_MS) {
      summary.deferred = files.length - position;
      break;
    }
    const waitUntil = new Date(deps.clock.now().getTime() + remaining - FINISH_MARGIN_MS);
    const result = await importOnce(file, waitUntil, deps);
    summary[counted[result.result]] += 1;
    deps.log.file(file, result);
  }
  deps.log.finished(summary);
  return summary;
};
