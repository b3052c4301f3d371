import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

/** Batches may be added to a job for this long after it was created. */
export const JOB_OPEN_HOURS = 24;

/** The body of POST /v1/jobs. retailerId may be left out when the API key is scoped to a retailer. */
export const jobInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  retailerId: retailerIdSchema.optional(),
});

/** The query of GET /v1/jobs. */
export const jobListQuerySchema = z.strictObject({
  retailerId: retailerIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export interface Job {
  jobId: string;
  name: string;
  retailerId: string;
  createdOn: string;
  closesOn: string;
}

export const isOpen = (job: Job, now: Date): boolean => now.getTime() < Date.parse(job.closesOn);

/** How long a job and its batches' reports are kept after the job closes. */
export const JOB_RETENTION_DAYS = 30;
