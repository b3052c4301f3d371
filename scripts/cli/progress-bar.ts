import { formatBytes, formatCount, formatSeconds } from './format';
import type { OutputStream } from './io';

/** Where an import stands. While reading, progress is the share of the file's bytes read. */
export interface ImportProgress {
  phase: 'reading' | 'processing';
  bytesRead: number;
  fileSize: number;
  /** Lines with data read so far, malformed ones included. */
  recordsRead: number;
  /** Records the server has finished (applied, unchanged or failed) plus the malformed lines. */
  recordsDone: number;
  /** What is counted, when not records (`events`). */
  unit?: string;
}

const BAR_WIDTH = 20;

/** `[██████████░░░░░░░░░░]  52% 26,000/50,000 records · 8,120 rec/s · ETA 3s` (without the bar when `bar` is false). */
export const renderProgress = (progress: ImportProgress, elapsedMs: number, bar: boolean): string => {
  const seconds = elapsedMs / 1000;
  const reading = progress.phase === 'reading';
  const fraction = Math.min(
    1,
    reading
      ? progress.fileSize > 0 ? progress.bytesRead / progress.fileSize : 0
      : progress.recordsRead > 0 ? progress.recordsDone / progress.recordsRead : 1,
  );
  const rate = seconds > 0 ? (reading ? progress.recordsRead : progress.recordsDone) / seconds : 0;
  const remaining = reading
    ? fraction > 0 ? (seconds * (1 - fraction)) / fraction : Infinity
    : rate > 0 ? (progress.recordsRead - progress.recordsDone) / rate : Infinity;
  const unit = progress.unit ?? 'records';
  const what = reading
    ? `reading ${formatCount(progress.recordsRead)} ${unit} (${formatBytes(progress.bytesRead)} of ${formatBytes(progress.fileSize)})`
    : `${formatCount(progress.recordsDone)}/${formatCount(progress.recordsRead)} ${unit}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const filled = Math.round(fraction * BAR_WIDTH);
  const prefix = bar ? `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${percent}` : `progress ${percent.trim()}`;
  return `${prefix} ${what} · ${formatCount(rate)} ${progress.unit ? `${unit}/s` : 'rec/s'} · ETA ${formatSeconds(remaining)}`;
};

export interface ProgressBarOptions {
  now?: () => number;
  /** Least time between two drawings (default 100 ms on a terminal, 2 s otherwise). */
  intervalMs?: number;
}

/**
 * On a terminal, one line redrawn in place; elsewhere (CI, pipes, files) a plain line at most every
 * `intervalMs`, so that logs stay readable.
 */
export class ProgressBar {
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly intervalMs: number;
  private lastDrawnAt: number;
  private lineOpen = false;

  constructor(
    private readonly stream: OutputStream,
    options: ProgressBarOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.lastDrawnAt = this.startedAt; // nothing to show before the first interval
    this.intervalMs = options.intervalMs ?? (stream.isTTY ? 100 : 2000);
  }

  update(progress: ImportProgress) {
    if (this.now() - this.lastDrawnAt >= this.intervalMs) this.draw(progress);
  }

  /** Draws the last state and ends the line. */
  finish(progress: ImportProgress) {
    this.draw(progress);
    this.stop();
  }

  /** Ends a redrawn line so that what follows starts on its own line. */
  stop() {
    if (this.lineOpen) this.stream.write('\n');
    this.lineOpen = false;
  }

  private draw(progress: ImportProgress) {
    const at = this.now();
    this.lastDrawnAt = at;
    const line = renderProgress(progress, at - this.startedAt, Boolean(this.stream.isTTY));
    if (!this.stream.isTTY) {
      this.stream.write(`${line}\n`);
      return;
    }
    const width = this.stream.columns ? this.stream.columns - 1 : line.length;
    this.stream.write(`\r${line.slice(0, width)}\x1b[K`);
    this.lineOpen = true;
  }
}
