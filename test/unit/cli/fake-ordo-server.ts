import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for Ordo's Job/Batch API on a real local port. It keeps the batches it receives,
 * answers each batch RUNNING for the first polls of the job and final after `pollsUntilFinal`, and
 * fails the records whose qty is not a whole number, plus the ones named in `failAt`. A record whose
 * skuRef starts with `SAME-` counts as unchanged.
 */
export interface FakeOrdoOptions {
  apiKey?: string;
  /** Reads of the job before its batches are final (default 2). */
  pollsUntilFinal?: number;
  /** Records to fail, by batch (1-based, in order of arrival) and index within that batch. */
  failAt?: { batch: number; index: number }[];
  /** Delay before answering a batch, to observe how many are in flight. */
  batchDelayMs?: number;
  /** The job closes once it holds this many batches: later ones get 409. */
  closeAfterBatches?: number;
  /**
   * Batches (by order of arrival) answered 503 as when Ordo's queue takes none of them: the
   * batch stays in the job, every record failed with NOT_QUEUED.
   */
  refuseBatches?: number[];
  /** What GET /v1/webhooks answers with as its items. */
  webhooks?: unknown[];
}

interface Entity {
  skuRef: unknown;
  locationRef: unknown;
  qty: unknown;
  safetyStock?: unknown;
}

export interface ReceivedBatch {
  batchId: string;
  jobId: string;
  entities: Entity[];
  errors: { index: number; skuRef: unknown; locationRef: unknown; code: string; message: string }[];
  polls: number;
  createdOn: string;
}

export interface FakeJob {
  jobId: string;
  name: string;
  retailerId: string;
  createdOn: string;
}

export interface FakeOrdoServer {
  url: string;
  jobs: FakeJob[];
  batches: ReceivedBatch[];
  maxBatchesInFlight: number;
  close(): Promise<void>;
}

const CREATED_ON = '2025-03-01T10:00:00.000Z';

export const startFakeOrdoServer = async (options: FakeOrdoOptions = {}): Promise<FakeOrdoServer> => {
  const apiKey = options.apiKey ?? 'test-key';
  const pollsUntilFinal = options.pollsUntilFinal ?? 2;
  const jobs: FakeJob[] = [];
  const batches: ReceivedBatch[] = [];
  let inFlight = 0;
  let requests = 0;

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const fail = (response: ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { error: { code, message }, requestId: `req-${requests}` });

  const batchView = (batch: ReceivedBatch) => {
    const final = batch.polls >= pollsUntilFinal;
    const failed = final ? batch.errors.length : 0;
    const unchanged = final ? batch.entities.filter((e, i) => isUnchanged(e) && !batch.errors.some((x) => x.index === i)).length : 0;
    const applied = final ? batch.entities.length - failed - unchanged : 0;
    const status = !final ? 'RUNNING' : failed === 0 ? 'COMPLETE' : failed === batch.entities.length ? 'FAILED' : 'PARTIAL';
    const { batchId, jobId, createdOn } = batch;
    return { batchId, jobId, status, total: batch.entities.length, applied, unchanged, failed, createdOn };
  };

  const jobView = (job: FakeJob) => {
    const own = batches.filter((batch) => batch.jobId === job.jobId);
    own.forEach((batch) => (batch.polls += 1));
    const views = own.map(batchView);
    const sum = (key: 'total' | 'applied' | 'unchanged' | 'failed') => views.reduce((n, view) => n + view[key], 0);
    return {
      ...job,
      status: 'OPEN',
      closesOn: '2025-03-02T10:00:00.000Z',
      total: sum('total'),
      applied: sum('applied'),
      unchanged: sum('unchanged'),
      failed: sum('failed'),
      errors: own.flatMap((batch) => (batch.polls >= pollsUntilFinal ? batch.errors.map((e) => ({ batchId: batch.batchId, ...e })) : [])),
      batches: views.map(({ jobId: _jobId, ...view }) => view),
    };
  };

  const receiveBatch = async (job: FakeJob, body: { entities?: Entity[] }, response: ServerResponse) => {
    const entities = body.entities ?? [];
    if (entities.length > 5000) return fail(response, 413, 'PAYLOAD_TOO_LARGE', 'At most 5000 entities per batch');
    const own = batches.filter((batch) => batch.jobId === job.jobId).length;
    if (options.closeAfterBatches !== undefined && own >= options.closeAfterBatches) {
      return fail(response, 409, 'JOB_CLOSED', `Job ${job.jobId} is closed`);
    }
    const number = batches.length + 1;
    const errors = entities.flatMap((entity, index) => {
      const wrongQty = typeof entity.qty !== 'number' || !Number.isInteger(entity.qty) || entity.qty < 0;
      const named = options.failAt?.some((at) => at.batch === number && at.index === index);
      if (!wrongQty && !named) return [];
      const [code, message] = wrongQty ? ['VALIDATION_FAILED', 'qty must be a whole number'] : ['UNKNOWN_LOCATION', 'No such location'];
      return [{ index, skuRef: entity.skuRef, locationRef: entity.locationRef, code, message }];
    });
    if (options.refuseBatches?.includes(number)) {
      const notQueued = entities.map(({ skuRef, locationRef }, index) => ({ index, skuRef, locationRef, code: 'NOT_QUEUED', message: 'Send it again' }));
      const refused = { batchId: `batch-${number}`, jobId: job.jobId, entities, errors: notQueued, polls: pollsUntilFinal, createdOn: CREATED_ON };
      batches.push(refused);
      return fail(response, 503, 'SERVICE_UNAVAILABLE', 'The inventory queue is unavailable');
    }
    const batch = { batchId: `batch-${number}`, jobId: job.jobId, entities, errors, polls: 0, createdOn: CREATED_ON };
    batches.push(batch);
    inFlight += 1;
    server.maxBatchesInFlight = Math.max(server.maxBatchesInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, options.batchDelayMs ?? 0));
    inFlight -= 1;
    send(response, 202, { batchId: batch.batchId, jobId: job.jobId, status: 'PENDING', total: entities.length, rejected: 0 });
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return fail(response, 401, 'UNAUTHENTICATED', 'A valid API key is required: send "Authorization: Bearer <apiKey>"');
    }
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    const path = (request.url ?? '').split('/').filter(Boolean); // v1, jobs, jobId, batches, batchId
    if (request.method === 'GET' && request.url === '/v1/webhooks') return send(response, 200, { items: options.webhooks ?? [] });
    const job = jobs.find((candidate) => candidate.jobId === path[2]);
    if (request.method === 'POST' && path.length === 2) {
      const created = { jobId: `job-${jobs.length + 1}`, name: body.name, retailerId: body.retailerId, createdOn: CREATED_ON };
      jobs.push(created);
      return send(response, 201, { ...created, status: 'OPEN', closesOn: '2025-03-02T10:00:00.000Z' });
    }
    if (!job) return fail(response, 404, 'NOT_FOUND', `No job ${path[2]}`);
    if (request.method === 'POST' && path[3] === 'batches') return receiveBatch(job, body, response);
    if (request.method === 'GET' && path.length === 3) return send(response, 200, jobView(job));
    return fail(response, 404, 'NOT_FOUND', 'No such route');
  };

  const server: FakeOrdoServer & { maxBatchesInFlight: number } = {
    url: '',
    jobs,
    batches,
    maxBatchesInFlight: 0,
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    }),
  };
  const http = createServer((request, response) => void route(request, response));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
};

const isUnchanged = (entity: Entity) => typeof entity.skuRef === 'string' && entity.skuRef.startsWith('SAME-');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = async (request: IncomingMessage): Promise<any> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};
