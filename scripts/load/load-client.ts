/** One request of the load and what came of it. */
export interface Sample {
  kind: string;
  /** HTTP status, or 0 when no answer came (refused connection, timeout). */
  status: number;
  ms: number;
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** Calls the stack under load with the account's key; every call is timed and recorded as a sample of `kind`. */
export class LoadClient {
  readonly samples: Sample[] = [];

  constructor(
    private readonly base: string,
    private readonly apiKey: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async call(kind: string, method: string, path: string, body?: unknown): Promise<Reply> {
    const started = performance.now();
    try {
      const response = await fetch(new URL(path, this.base), {
        method,
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      this.samples.push({ kind, status: response.status, ms: performance.now() - started });
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch {
      this.samples.push({ kind, status: 0, ms: performance.now() - started });
      return { status: 0, body: {} };
    }
  }

  /** The same call, left out of the figures: setting up and checking, not load. */
  async quietly(method: string, path: string, body?: unknown): Promise<Reply> {
    const reply = await this.call('setup', method, path, body);
    this.samples.pop();
    return reply;
  }
}
