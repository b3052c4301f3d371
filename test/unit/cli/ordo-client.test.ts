import { OrdoApiError, OrdoClient, OrdoNetworkError, apiRoot } from '../../../scripts/cli/ordo-client';

type Answer = { status: number; body?: string } | Error;

/** A fetch that answers from a script and remembers what it was asked. */
const scriptedFetch = (answers: Answer[]) => {
  const calls: { url: string; method: string; authorization: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: String(init.method), authorization: (init.headers as Record<string, string>).authorization });
    const answer = answers.shift() ?? { status: 500 };
    if (answer instanceof Error) throw answer;
    return new Response(answer.body ?? null, { status: answer.status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
};

const JOB = JSON.stringify({ jobId: 'job-1', batches: [], errors: [] });

describe('OrdoClient', () => {
  it('sends the API key as a bearer token', async () => {
    // Prepare
    const { fetch, calls } = scriptedFetch([{ status: 200, body: JOB }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    await client.getJob('job-1');

    // Assess
    expect(calls).toEqual([{ url: 'http://ordo.test/v1/jobs/job-1', method: 'GET', authorization: 'Bearer k1' }]);
  });

  it('reads the same API from a base URL that ends with /v1', () => {
    // Act
    const roots = ['http://h:3000', 'http://h:3000/', 'http://h:3000/v1', 'http://h:3000/v1/'].map(apiRoot);

    // Assess
    expect(new Set(roots)).toEqual(new Set(['http://h:3000']));
  });

  it('raises the code, message, field and request id of an error answer', async () => {
    // Prepare
    const body = JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'name is required', field: 'name' }, requestId: 'r-9' });
    const { fetch } = scriptedFetch([{ status: 400, body }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const error = await client.createJob({ name: '', retailerId: 'r1' }).catch((e: unknown) => e);

    // Assess
    expect(error).toEqual(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED', message: 'name is required', field: 'name', requestId: 'r-9' }));
  });

  it('raises an API error named after the status when the body is not JSON', async () => {
    // Prepare
    const { fetch } = scriptedFetch([{ status: 502, body: '<html>Bad gateway</html>' }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const error = await client.createJob({ name: 'n', retailerId: 'r1' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(OrdoApiError);
    expect((error as OrdoApiError).code).toBe('HTTP_502');
  });

  it('reads again after an unavailable answer', async () => {
    // Prepare
    const { fetch, calls } = scriptedFetch([{ status: 503 }, { status: 200, body: JOB }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const job = await client.getJob('job-1');

    // Assess
    expect([job.jobId, calls.length]).toEqual(['job-1', 2]);
  });

  it('reads again after a network failure', async () => {
    // Prepare
    const { fetch, calls } = scriptedFetch([new TypeError('fetch failed'), { status: 200, body: JOB }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    await client.getJob('job-1');

    // Assess
    expect(calls).toHaveLength(2);
  });

  it('does not post a batch again after a bad gateway, which may have been processed', async () => {
    // Prepare
    const { fetch, calls } = scriptedFetch([{ status: 502 }, { status: 202, body: '{}' }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const error = await client.postBatch('job-1', { entityType: 'INVENTORY', action: 'UPSERT', entities: [] }).catch((e: unknown) => e);

    // Assess
    expect([(error as OrdoApiError).status, calls.length]).toEqual([502, 1]);
  });

  it('posts a batch again after a 429, which was not processed', async () => {
    // Prepare
    const { fetch, calls } = scriptedFetch([{ status: 429 }, { status: 202, body: JSON.stringify({ batchId: 'b-1' }) }]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const accepted = await client.postBatch('job-1', { entityType: 'INVENTORY', action: 'UPSERT', entities: [] });

    // Assess
    expect([accepted.batchId, calls.length]).toEqual(['b-1', 2]);
  });

  it('raises a network error with the reason fetch gives as its cause', async () => {
    // Prepare
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    const { fetch } = scriptedFetch([refused]);
    const client = new OrdoClient({ baseUrl: 'http://ordo.test', apiKey: 'k1', fetch });

    // Act
    const error = await client.createJob({ name: 'n', retailerId: 'r1' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(OrdoNetworkError);
    expect((error as Error).message).toBe('POST http://ordo.test/v1/jobs failed: connect ECONNREFUSED 127.0.0.1:1');
  });
});
