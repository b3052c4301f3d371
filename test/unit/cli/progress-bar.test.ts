import type { OutputStream } from '../../../scripts/cli/io';
import { ProgressBar, renderProgress, type ImportProgress } from '../../../scripts/cli/progress-bar';
import { ManualClock } from '../../support/clock';

const processing = (recordsDone: number, recordsRead: number): ImportProgress => ({
  phase: 'processing',
  bytesRead: 1000,
  fileSize: 1000,
  recordsRead,
  recordsDone,
});

const reading = (bytesRead: number, fileSize: number, recordsRead: number): ImportProgress => ({
  phase: 'reading',
  bytesRead,
  fileSize,
  recordsRead,
  recordsDone: 0,
});

/** A stream that keeps what is written, and a clock the test moves. */
const setup = (isTTY: boolean) => {
  const writes: string[] = [];
  const stream: OutputStream = { write: (text: string) => writes.push(text), isTTY };
  const clock = new ManualClock(new Date(0));
  const bar = new ProgressBar(stream, { now: () => clock.now().getTime() });
  return { writes, clock, bar };
};

describe('renderProgress', () => {
  it('shows the records the server has finished over the records read, the rate and the time left', () => {
    // Act
    const line = renderProgress(processing(26_000, 50_000), 3_200, true);

    // Assess
    expect(line).toBe('[██████████░░░░░░░░░░]  52% 26,000/50,000 records · 8,125 rec/s · ETA 3s');
  });

  it('shows the share of the file read while reading', () => {
    // Act
    const line = renderProgress(reading(256 * 1024, 1024 * 1024, 10_000), 2_000, true);

    // Assess
    expect(line).toBe('[█████░░░░░░░░░░░░░░░]  25% reading 10,000 records (256.0 KB of 1.0 MB) · 5,000 rec/s · ETA 6s');
  });

  it('leaves the bar out of a plain line', () => {
    // Act
    const line = renderProgress(processing(50, 50), 1_000, false);

    // Assess
    expect(line).toBe('progress 100% 50/50 records · 50 rec/s · ETA 0s');
  });

  it('shows an unknown time left before anything is finished', () => {
    // Act
    const line = renderProgress(processing(0, 50), 0, false);

    // Assess
    expect(line).toBe('progress 0% 0/50 records · 0 rec/s · ETA --');
  });
});

describe('ProgressBar', () => {
  it('redraws one line in place on a terminal', () => {
    // Prepare
    const { writes, clock, bar } = setup(true);

    // Act
    clock.set(new Date(100));
    bar.update(processing(1, 4));
    clock.set(new Date(200));
    bar.update(processing(2, 4));

    // Assess
    expect(writes.map((text) => text.slice(0, 23))).toEqual(['\r[█████░░░░░░░░░░░░░░░]', '\r[██████████░░░░░░░░░░]']);
  });

  it('ends the redrawn line when it finishes', () => {
    // Prepare
    const { writes, bar } = setup(true);

    // Act
    bar.finish(processing(4, 4));

    // Assess
    expect(writes.at(-1)).toBe('\n');
  });

  it('draws nothing before the first interval has passed', () => {
    // Prepare
    const { writes, clock, bar } = setup(true);

    // Act
    clock.set(new Date(99));
    bar.update(processing(1, 4));

    // Assess
    expect(writes).toEqual([]);
  });

  it('prints a plain line at most every two seconds elsewhere', () => {
    // Prepare
    const { writes, clock, bar } = setup(false);
    const drawnAt: number[] = [];

    // Act
    for (const at of [500, 1_999, 2_000, 3_000, 3_999, 4_000, 5_000]) {
      clock.set(new Date(at));
      const before = writes.length;
      bar.update(processing(1, 4));
      if (writes.length > before) drawnAt.push(at);
    }

    // Assess
    expect(drawnAt).toEqual([2_000, 4_000]);
  });

  it('prints the last state as a plain line when it finishes', () => {
    // Prepare
    const { writes, bar } = setup(false);
    bar.update(processing(1, 4));

    // Act
    bar.finish(processing(4, 4));

    // Assess
    expect(writes.at(-1)).toMatch(/^progress 100% 4\/4 records .*\n$/);
  });

  it('cuts the line to the width of the terminal', () => {
    // Prepare
    const writes: string[] = [];
    const bar = new ProgressBar({ write: (text: string) => writes.push(text), isTTY: true, columns: 31 }, { now: () => 0 });

    // Act
    bar.finish(processing(1, 4));

    // Assess
    expect(writes[0]).toBe('\r[█████░░░░░░░░░░░░░░░]  25% 1/\x1b[K');
  });
});
