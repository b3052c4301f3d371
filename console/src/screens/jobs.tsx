import type { ScreenProps } from '../app';
import { JobList } from './jobs/job-list';
import { JobPage } from './jobs/job-page';

/** `#/jobs` lists the jobs and takes a stock file; `#/jobs/<jobId>` follows one job's batches. */
export const JobsScreen = ({ account, route }: ScreenProps) => {
  const [, jobId] = route.segments;
  return jobId ? <JobPage jobId={jobId} /> : <JobList account={account} />;
};
