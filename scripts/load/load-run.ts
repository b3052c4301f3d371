import { percentile } from '../../bench/report';
import type { LoadClient, Sample } from './load-client';
import { drawKind, LOAD_MIX, type LoadState, type Random } from './load-mix';

export interface LoadOptions {
  seconds: number;
  concurrency: number;
  random: Random;
  /** Called about once a second with the seconds gone and the requests made. */
  onProgress?: (elapsedSeconds: number, requests: number) => void;
}

/** `concurrency` callers, each sending one request after another until the time is up. */
export const runLoad = async (client: LoadClient, state: LoadState, options: LoadOptions): Promise<{ seconds: number }> => {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const ticker = setInterval(() => options.onProgress?.((performance.now() - started) / 1000, client.samples.length), 1000);
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < deadline) await drawKind(options.random).run(client, state, options.random);
      }),
    );
  } finally {
    clearInterval(ticker);
  }
  return { seconds: (performance.now() - started) / 1000 };
};

export interface KindFigures {
  kind: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers outside the kind's expected statuses, by status (0: no answer). */
  errors: Record<string, number>;
}

/** Requests, latency percentiles and errors per kind, in the mix's order. */
export const figuresByKind = (samples: readonly Sample[]): KindFigures[] =>
  LOAD_MIX.map(({ name, expected }) => {
    const mine = samples.filter((sample) => sample.kind === name);
    const ms = mine.map((sample) => sample.ms);
    const errors: Record<string, number> = {};
    for (const { status } of mine) if (!expected.includes(status)) errors[status] = (errors[status] ?? 0) + 1;
    return {
      kind: name,
      requests: mine.length,
      p50: ms.length ? percentile(ms, 50) : 0,
      p95: ms.length ? percentile(ms, 95) : 0,
      p99: ms.length ? percentile(ms, 99) : 0,
      errors,
    };
  });
