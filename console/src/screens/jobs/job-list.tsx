import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../../api/client';
import { ErrorBanner, formatTime, Loading, ProgressBar, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page, Table } from '../../components/page';
import { href } from '../../router';
import { may, type Account } from '../../session';
import { doneOf } from './job-progress';
import { StockUpload } from './stock-upload';

type JobSummary = Schemas['JobSummary'];

/** The account's jobs, newest first, a page at a time; and a stock file to send as a new batch. */
export const JobList = ({ account }: { account: Account }) => {
  const [more, setMore] = useState<{ items: JobSummary[]; cursor?: string }>({ items: [] });
  const [moreError, setMoreError] = useState<unknown>();
  const first = useLoad(() => unwrap(api.GET('/v1/jobs', { params: { query: { limit: 25 } } })), []);
  const jobs = [...(first.data?.items ?? []), ...more.items];
  const cursor = more.cursor ?? (more.items.length ? undefined : first.data?.cursor);

  const loadMore = async () => {
    setMoreError(undefined);
    try {
      const page = await unwrap(api.GET('/v1/jobs', { params: { query: { limit: 25, cursor } } }));
      setMore({ items: [...more.items, ...page.items], cursor: page.cursor });
    } catch (failure) {
      setMoreError(failure);
    }
  };

  return (
    <Page title="Jobs">
      {may(account, 'JOB_CREATE') && <StockUpload account={account} openJobs={jobs.filter((job) => job.open)} />}
      <section class="block" aria-labelledby="job-list-title">
        <h2 id="job-list-title">Recent jobs</h2>
        <ErrorBanner error={first.error} />
        {first.loading && !first.data && <Loading what="jobs" />}
        {first.data && jobs.length === 0 && <p>No jobs yet.</p>}
        {jobs.length > 0 && (
          <Table caption="Jobs">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Retailer</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col" class="number">Failed</th>
                <th scope="col" class="number">Batches</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.jobId}>
                  <td>
                    <a href={href('jobs', job.jobId)}>{job.name}</a>
                  </td>
                  <td>{job.retailerId}</td>
                  <td>
                    <StatusBadge status={job.status} />
                  </td>
                  <td>
                    <ProgressBar done={doneOf(job)} total={job.total} label={`Records of job ${job.name} dealt with`} />
                  </td>
                  <td class="number">{job.failed}</td>
                  <td class="number">{job.batchCount}</td>
                  <td>{formatTime(job.createdOn)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <ErrorBanner error={moreError} />
        {cursor && (
          <p>
            <button type="button" class="secondary" onClick={() => void loadMore()}>
              Load more jobs
            </button>
          </p>
        )}
      </section>
    </Page>
  );
};
