import { useEffect } from 'preact/hooks';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, formatTime, Loading, ProgressBar, StatusBadge } from '../../components/feedback';
import { useLoad } from '../../components/load';
import { Page, Table } from '../../components/page';
import { href } from '../../router';
import { doneOf, isUnfinished } from './job-progress';
import { RecordErrors } from './record-errors';

const REFRESH_MS = 2000;

/** One job: its batches' progress, refreshed while any is still running, and every failed record. */
export const JobPage = ({ jobId }: { jobId: string }) => {
  const { data: job, error, loading, reload } = useLoad(() => unwrap(api.GET('/v1/jobs/{jobId}', { params: { path: { jobId } } })), [jobId]);
  const running = Boolean(job?.batches.some(isUnfinished));

  // Each answer schedules the next read while work remains; leaving the page clears the timer.
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  return (
    <Page title={job ? `Job ${job.name}` : 'Job'} actions={<button type="button" class="secondary" onClick={reload}>Refresh</button>}>
      <p>
        <a href={href('jobs')}>← All jobs</a>
      </p>
      <ErrorBanner error={error} />
      {loading && !job && <Loading what="the job" />}
      {job && (
        <>
          <div class="card">
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <StatusBadge status={job.status} />{' '}
                {running && (
                  <span class="muted" role="status">
                    refreshing every {REFRESH_MS / 1000} s
                  </span>
                )}
              </dd>
              <dt>Progress</dt>
              <dd>
                <ProgressBar done={doneOf(job)} total={job.total} label="Records of the job dealt with" />
              </dd>
              <dt>Applied</dt>
              <dd>{job.applied}</dd>
              <dt>Unchanged</dt>
              <dd>{job.unchanged}</dd>
              <dt>Failed</dt>
              <dd>{job.failed}</dd>
              <dt>Retailer</dt>
              <dd>{job.retailerId}</dd>
              <dt>Created</dt>
              <dd>{formatTime(job.createdOn)}</dd>
              <dt>Takes batches</dt>
              <dd>{job.open ? `until ${formatTime(job.closesOn)}` : 'no, closed'}</dd>
            </dl>
          </div>
          <h2>Batches ({job.batches.length})</h2>
          {job.batches.length === 0 ? (
            <p>No batches yet.</p>
          ) : (
            <Table caption="Batches">
              <thead>
                <tr>
                  <th scope="col">Batch</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col" class="number">Applied</th>
                  <th scope="col" class="number">Unchanged</th>
                  <th scope="col" class="number">Failed</th>
                  <th scope="col">Created</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                {job.batches.map((batch, index) => (
                  <tr key={batch.batchId}>
                    <td>
                      {index + 1} <code class="muted">{batch.batchId}</code>
                    </td>
                    <td>
                      <StatusBadge status={batch.status} />
                    </td>
                    <td>
                      <ProgressBar done={doneOf(batch)} total={batch.total} label={`Records of batch ${index + 1} dealt with`} />
                    </td>
                    <td class="number">{batch.applied}</td>
                    <td class="number">{batch.unchanged}</td>
                    <td class="number">{batch.failed}</td>
                    <td>{formatTime(batch.createdOn)}</td>
                    <td>{formatTime(batch.completedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <RecordErrors errors={job.errors} batches={job.batches.map((batch) => batch.batchId)} />
        </>
      )}
    </Page>
  );
};
