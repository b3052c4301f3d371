import type * as z from 'zod';
import type { Clock } from '../../ports/clock';
import type { JobStore } from '../../ports/job-store';
import type { RegisteredRetailers } from '../../ports/registered-retailers';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { retailerFor, visibleTo } from '../orchestration/retailer-scope';
import { requireRegistered } from '../retailers/retailer-gate';
import { batchProgress, batchView, jobSummary, jobView } from './batch-status';
import { JOB_OPEN_HOURS, type Job, type jobListQuerySchema } from './job';
import { jobIdFrom } from './job-ids';

export interface JobDeps {
  jobs: JobStore;
  clock: Clock;
  ids: () => string;
  /** A job names a registered retailer. */
  retailers: RegisteredRetailers;
}

/** Opens a job for a retailer already decided on (an API caller's, checked by createJob, or the file import's own). */
export const openJob = async (input: { name: string; retailerId: string }, deps: Pick<JobDeps, 'jobs' | 'clock' | 'ids'>) => {
  const now = deps.clock.now();
  const job: Job = {
    jobId: deps.ids(),
    name: input.name,
    retailerId: input.retailerId,
    createdOn: now.toISOString(),
    closesOn: new Date(now.getTime() + JOB_OPEN_HOURS * 3_600_000).toISOString(),
  };
  await deps.jobs.createJob(job);
  return jobView(job, [], now);
};

/** POST /v1/jobs: a job of the key's retailer, or the one the body names, which must be registered. */
export const createJob = async (input: { name: string; retailerId?: string }, scope: Pick<AccountPrincipal, 'retailerId'>, deps: JobDeps) =>
  openJob({ name: input.name, retailerId: await requireRegistered(retailerFor(input.retailerId, scope), deps.retailers) }, deps);

/** A job of another retailer is not found by a key scoped to a retailer, like one that does not exist. */
export const getJob = async ({ jobId }: { jobId: string }, scope: Pick<AccountPrincipal, 'retailerId'>, deps: Pick<JobDeps, 'jobs' | 'clock'>) => {
  const loaded = await deps.jobs.loadJob(jobIdFrom(jobId, 'jobId'));
  if (!loaded || !visibleTo(loaded.job.retailerId, scope)) throw new NotFoundError(`No job ${jobId} in this account`);
  const batches = loaded.batches
    .map(({ batch, results }) => batchView(batch, results))
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.batchId.localeCompare(b.batchId));
  return jobView(loaded.job, batches, deps.clock.now());
};

export const getBatch = async (
  { jobId, batchId }: { jobId: string; batchId: string },
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: Pick<JobDeps, 'jobs'>,
) => {
  const [job, batch] = [jobIdFrom(jobId, 'jobId'), jobIdFrom(batchId, 'batchId')];
  const owner = scope.retailerId ? await deps.jobs.getJob(job) : undefined;
  const loaded = owner && !visibleTo(owner.retailerId, scope) ? undefined : await deps.jobs.loadBatch(job, batch);
  if (!loaded) throw new NotFoundError(`No batch ${batchId} in job ${jobId}`);
  return batchView(loaded.batch, loaded.results);
};

/**
 * The jobs newest first, each with its counts over its batches. A key scoped to a retailer sees
 * that retailer's only: naming another lists nothing.
 */
export const listJobs = async (
  query: z.infer<typeof jobListQuerySchema>,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  deps: Pick<JobDeps, 'jobs' | 'clock'>,
) => {
  if (scope.retailerId && query.retailerId && query.retailerId !== scope.retailerId) return { items: [] };
  const page = await deps.jobs.listJobs({ ...query, retailerId: scope.retailerId ?? query.retailerId });
  const now = deps.clock.now();
  return {
    items: page.items.map(({ job, batches }) => jobSummary(job, batches.map(batchProgress), now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
};
