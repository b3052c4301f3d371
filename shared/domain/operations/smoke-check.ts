/** One check of a running stage. It throws to fail; what it returns is a short note on what it saw. */
export interface SmokeCheck {
  name: string;
  run(): Promise<string | undefined>;
}

export interface SmokeResult {
  name: string;
  passed: boolean;
  durationMs: number;
  /** What it saw when it passed, why it failed otherwise. */
  detail?: string;
}

/** A check that failed, with what it expected and what it got; never a secret. */
export class SmokeCheckFailure extends Error {
  readonly code = 'SMOKE_CHECK_FAILED';
}

/** Runs `checks` one after the other (each may depend on the stage being as the one before left it). */
export const runSmokeChecks = async (checks: readonly SmokeCheck[], now: () => number = Date.now): Promise<SmokeResult[]> => {
  const results: SmokeResult[] = [];
  for (const check of checks) {
    const startedAt = now();
    try {
      const detail = await check.run();
      results.push({ name: check.name, passed: true, durationMs: now() - startedAt, ...(detail ? { detail } : {}) });
    } catch (error) {
      results.push({ name: check.name, passed: false, durationMs: now() - startedAt, detail: (error as Error).message });
    }
  }
  return results;
};

/** `✔ name (12 ms) detail` or `✘ name (12 ms) why`. */
export const smokeResultLine = (result: SmokeResult): string =>
  `${result.passed ? '✔' : '✘'} ${result.name} (${result.durationMs} ms)${result.detail ? ` ${result.detail}` : ''}`;

export const allPassed = (results: readonly SmokeResult[]): boolean => results.every((result) => result.passed);
