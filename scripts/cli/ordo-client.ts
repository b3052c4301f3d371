import type { InventoryFileRecord } from '../../shared/domain/jobs/inventory-file';

/** A tiny client for Ordo's Job/Batch, webhook and event APIs over fetch. */

export type BatchStatus = 'PENDING' | 'RUNNING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';
export const FINAL_BATCH_STATUSES: readonly BatchStatus[] = ['COMPLETE', 'PARTIAL', 'FAILED'];

export interface Job {
  jobId: string;
  name: string;
  retailerId: string;
  status: string;
  createdOn: string;
  closesOn: string;
}

export interface Counts {
  total: number;
  applied: number;
  unchanged: number;
  failed: number;
}

export interface RecordError {
  index: number;
  skuRef: unknown;
  locationRef: unknown;
  code: string;
  message: string;
}

export interface BatchSummary extends Counts {
  batchId: string;
  status: BatchStatus;
  createdOn: string;
}

export interface JobDetail extends Job, Counts {
  errors: (RecordError & { batchId: string })[];
  batches: BatchSummary[];
}

export interface BatchAccepted {
  batchId: string;
  jobId: string;
  status: BatchStatus;
  total: number;
  rejected: number;
  /** Records of chunks the inventory queue refused (NOT_QUEUED). */
  notQueued: number;
}

export interface InventoryBatch {
  entityType: 'INVENTORY';
  action: 'UPSERT';
  entities: InventoryFileRecord[];
}

export interface WebhookSubscription {
  webhookId: string;
  url: string;
  events: string[];
  status: string;
  description?: string;
  retailerId?: string;
  createdOn: string;
}

/** An event as GET /v1/events lists it, with what the re-drive needs. */
export interface EventSummary {
  eventId: string;
  name: string;
  retailerId: string;
  entityType: string;
  entityRef: string;
  status: string;
  receivedOn: string;
  stuck?: boolean;
  stuckSince?: string;
  lastError?: { code: string; message: string; at: string };
}

/** The API answered with an error body `{error: {code, message, field?}, requestId}`. */
export class OrdoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'OrdoApiError';
  }
}

/** The API could not be reached, or did not answer in time. */
export class OrdoNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrdoNetworkError';
  }
}

export interface OrdoClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Attempts after the first for reads, and for any request refused with 429 or 503 (default 3). */
  retries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const REFUSED_STATUSES = new Set([429, 503]); // the request was not processed: safe to send again

/** `http://host:3000`, `http://host:3000/` and `http://host:3000/v1` all name the same API. */
export const apiRoot = (baseUrl: string) => baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OrdoClient {
  private readonly root: string;

  constructor(private readonly options: OrdoClientOptions) {
    this.root = apiRoot(options.baseUrl);
  }

  createJob(body: { name: string; retailerId: string }) {
    return this.request<Job>('POST', '/v1/jobs', body);
  }

  postBatch(jobId: string, batch: InventoryBatch) {
    return this.request<BatchAccepted>('POST', `/v1/jobs/${encodeURIComponent(jobId)}/batches`, batch);
  }

  getJob(jobId: string) {
    return this.request<JobDetail>('GET', `/v1/jobs/${encodeURIComponent(jobId)}`);
  }

  listWebhooks() {
    return this.request<{ items: WebhookSubscription[] }>('GET', '/v1/webhooks');
  }

  listEvents(query: { status: string; limit: number; cursor?: string }) {
    const params = new URLSearchParams({ status: query.status, limit: String(query.limit), ...(query.cursor ? { cursor: query.cursor } : {}) });
    return this.request<{ items: EventSummary[]; cursor?: string }>('GET', `/v1/events?${params}`);
  }

  retryEvent(eventId: string, retailerId?: string) {
    const query = retailerId ? `?${new URLSearchParams({ retailerId })}` : '';
    return this.request<{ eventId: string; status: string }>('POST', `/v1/events/${encodeURIComponent(eventId)}/retry${query}`);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const retries = this.options.retries ?? 3;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await (this.options.fetch ?? fetch)(`${this.root}${path}`, {
          method,
          headers: { authorization: `Bearer ${this.options.apiKey}`, 'content-type': 'application/json' },
          body: payload,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
        });
      } catch (error) {
        if (method === 'GET' && attempt < retries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw new OrdoNetworkError(`${method} ${this.root}${path} failed: ${reasonOf(error)}`);
      }
      const retryable = method === 'GET' ? RETRYABLE_STATUSES : REFUSED_STATUSES;
      if (retryable.has(response.status) && attempt < retries) {
        await response.arrayBuffer().catch(() => undefined);
        await sleep(retryAfterMs(response) ?? backoffMs(attempt));
        continue;
      }
      return read<T>(response);
    }
  }
}

const backoffMs = (attempt: number) => 250 * 2 ** attempt;

const retryAfterMs = (response: Response) => {
  const seconds = Number(response.headers.get('retry-after'));
  return response.headers.has('retry-after') && Number.isFinite(seconds) ? Math.min(seconds, 10) * 1000 : undefined;
};

const read = async <T>(response: Response): Promise<T> => {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.ok) {
    if (json === undefined) throw new OrdoApiError(response.status, 'BAD_RESPONSE', 'The API answered without a JSON body');
    return json as T;
  }
  const { error, requestId } = (json ?? {}) as { error?: { code?: string; message?: string; field?: string }; requestId?: string };
  throw new OrdoApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `The API answered ${response.status} ${response.statusText}`.trim(),
    requestId,
    error?.field,
  );
};

/**
 * fetch says "fetch failed"; the reason (ECONNREFUSED, a timeout, a DNS failure) is in its cause.
 * Read by shape, not `instanceof`: the error may come from another realm (a test VM, undici).
 */
const reasonOf = (error: unknown): string => {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: unknown };
  if (name === 'TimeoutError') return 'no answer in time';
  const inner = (cause ?? {}) as { message?: string; code?: string };
  return inner.message || inner.code || message || String(error);
};
