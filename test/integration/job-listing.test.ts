import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { catalogApi as catalog, store } from './catalog-api';
import { api as controlPlane, newAccount } from './control-plane-api';
import { inventoryBatch, jobsApi as jobs, settledBatch } from './jobs-api';

const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());

interface JobSummaryBody {
  jobId: string;
  name: string;
  retailerId: string;
  batchCount: number;
}

const itemsOf = (body: Record<string, unknown>) => body.items as JobSummaryBody[];

/** An account with a warehouse and one job per name, for r1 unless the name says r2, created in that order. */
const accountWithJobs = async (prefix: string, names: string[]) => {
  const account = await newAccount(prefix);
  await catalog.putLocation(account.apiKey, 'W-1', { ...store(52, 0), type: 'WAREHOUSE' });
  const created: string[] = [];
  for (const name of names) {
    const job = await jobs.createJob(account.apiKey, { name, retailerId: name.startsWith('r2') ? 'r2' : 'r1' });
    created.push(job.body.jobId as string);
  }
  return { ...account, jobIds: created };
};

describe('GET /v1/jobs', () => {
  it('lists the jobs newest first', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-list', ['r1 first', 'r1 second', 'r2 third']);

    // Act
    const response = await jobs.listJobs(account.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body).map((job) => job.name)).toEqual(['r2 third', 'r1 second', 'r1 first']);
  });

  it('gives each job the counts GET /v1/jobs/{jobId} sums over its batches, and its number of batches', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-sums', ['r1 stock']);
    const [jobId] = account.jobIds as [string];
    const first = await jobs.postBatch(account.apiKey, jobId, inventoryBatch([{ skuRef: 'A', locationRef: 'W-1', qty: 1 }, { skuRef: 'B', locationRef: 'NOWHERE', qty: 1 }]));
    const second = await jobs.postBatch(account.apiKey, jobId, inventoryBatch([{ skuRef: 'C', locationRef: 'W-1', qty: -1 }, { skuRef: 'D', locationRef: 'W-1', qty: 2 }]));
    await settledBatch(account.apiKey, jobId, first.body.batchId);
    await settledBatch(account.apiKey, jobId, second.body.batchId);
    const { errors: _errors, batches: _batches, ...job } = (await jobs.getJob(account.apiKey, jobId)).body;

    // Act
    const response = await jobs.listJobs(account.apiKey);

    // Assess
    expect(response.body.items).toEqual([{ ...job, batchCount: 2 }]);
    expect(job).toMatchObject({ status: 'PARTIAL', total: 4, applied: 2, failed: 2 });
  });

  it('pages through the jobs with the cursor, each job once', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-pages', ['r1 a', 'r1 b', 'r1 c']);

    // Act
    const first = await jobs.listJobs(account.apiKey, { limit: '2' });
    const second = await jobs.listJobs(account.apiKey, { limit: '2', cursor: first.body.cursor });

    // Assess
    expect(itemsOf(first.body)).toHaveLength(2);
    expect([...itemsOf(first.body), ...itemsOf(second.body)].map((job) => job.name)).toEqual(['r1 c', 'r1 b', 'r1 a']);
  });

  it('reads one Query for the page and one per listed job', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-cost', ['r1 a', 'r1 b', 'r1 c']);
    counter.reset();

    // Act
    await jobs.listJobs(account.apiKey, { limit: '2' });

    // Assess
    expect(counter.byOperation().Query).toBe(3);
  });

  it("shows a retailer-scoped key its own retailer's jobs only", async () => {
    // Prepare
    const account = await accountWithJobs('jobs-scoped', ['r1 ours', 'r2 theirs']);
    const scoped = await controlPlane.createApiKey(account.apiKey, { role: 'READONLY', retailerId: 'r1' });

    // Act
    const response = await jobs.listJobs(scoped.body.apiKey);

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body).map((job) => job.name)).toEqual(['r1 ours']);
  });

  it('lists nothing to a retailer-scoped key that names another retailer', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-other', ['r2 theirs']);
    const scoped = await controlPlane.createApiKey(account.apiKey, { role: 'READONLY', retailerId: 'r1' });

    // Act
    const response = await jobs.listJobs(scoped.body.apiKey, { retailerId: 'r2' });

    // Assess
    expect(response.status).toBe(200);
    expect(itemsOf(response.body)).toEqual([]);
  });

  it('narrows the list to the retailer the query names', async () => {
    // Prepare
    const account = await accountWithJobs('jobs-narrow', ['r1 ours', 'r2 theirs']);

    // Act
    const response = await jobs.listJobs(account.apiKey, { retailerId: 'r2' });

    // Assess
    expect(itemsOf(response.body).map((job) => job.name)).toEqual(['r2 theirs']);
  });

  it.each([
    ['limit', { limit: '0' }],
    ['limit', { limit: '101' }],
    ['cursor', { cursor: 'not-a-cursor' }],
    ['retailerId', { retailerId: 'has space' }],
  ])('answers 400 naming %s when it is out of bounds', async (field, query) => {
    // Prepare
    const account = await newAccount('jobs-bad');

    // Act
    const response = await jobs.listJobs(account.apiKey, query);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
  });
});
