import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { ErrorBanner, Notice, ProgressBar } from '../../components/feedback';
import { useRetailers } from '../../components/retailers';
import { href, navigate } from '../../router';
import type { Account } from '../../session';
import { sendStockFile, type SendProgress } from './send-stock-file';
import { StockFilePreview } from './stock-file-preview';
import { readStockFile, type StockFile } from './stock-file';

const NEW_JOB = '';

/** Reads a stock file in the browser, shows what it holds, and sends it as batches of a new or open job. */
export const StockUpload = ({ account, openJobs }: { account: Account; openJobs: Schemas['JobSummary'][] }) => {
  const retailers = useRetailers(account);
  const [chosen, setChosen] = useState<{ fileName: string; file: StockFile }>();
  const [readError, setReadError] = useState<unknown>();
  const [target, setTarget] = useState(NEW_JOB);
  const [name, setName] = useState('');
  const [retailer, setRetailer] = useState('');
  const [progress, setProgress] = useState<SendProgress>();
  const [sendError, setSendError] = useState<unknown>();
  const retailerId = retailer || account.retailerId || retailers[0] || '';
  const sending = progress !== undefined && sendError === undefined;

  const choose = async (input: HTMLInputElement) => {
    setChosen(undefined);
    setReadError(undefined);
    setProgress(undefined);
    setSendError(undefined);
    const picked = input.files?.[0];
    if (!picked) return;
    try {
      setChosen({ fileName: picked.name, file: await readStockFile(await picked.text(), picked.name) });
      setName(`upload ${picked.name}`);
    } catch (failure) {
      setReadError(failure);
    }
  };

  const send = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setSendError(undefined);
    try {
      const job = target === NEW_JOB ? { name: name.trim(), retailerId: retailerId.trim() } : { jobId: target };
      const jobId = await sendStockFile(chosen.file.records, job, setProgress);
      navigate(href('jobs', jobId));
    } catch (failure) {
      setSendError(failure);
    }
  };

  const records = chosen?.file.records.length ?? 0;
  const blocked = !chosen || records === 0 || chosen.file.malformed.length > 0;

  return (
    <section class="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload stock counts</h2>
      <p class="muted">
        A CSV file of <code>skuRef,locationRef,qty[,safetyStock]</code> lines, header optional. Each qty becomes the position's on-hand count.
      </p>
      <form onSubmit={send} aria-labelledby="upload-title">
        <div class="form-grid">
          <div>
            <label for="stock-file">Stock file (CSV)</label>
            <input id="stock-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.currentTarget)} />
          </div>
          <div>
            <label for="upload-job">Send to</label>
            <select id="upload-job" value={target} onChange={(event) => setTarget(event.currentTarget.value)}>
              <option value={NEW_JOB}>A new job</option>
              {openJobs.map((job) => (
                <option key={job.jobId} value={job.jobId}>
                  {job.name} (open)
                </option>
              ))}
            </select>
          </div>
          {target === NEW_JOB && (
            <>
              <div>
                <label for="upload-job-name">Job name</label>
                <input id="upload-job-name" required maxLength={200} value={name} onInput={(event) => setName(event.currentTarget.value)} />
              </div>
              <div>
                <label for="upload-retailer">Retailer</label>
                <input
                  id="upload-retailer"
                  list="upload-retailers"
                  required
                  readOnly={Boolean(account.retailerId)}
                  value={retailerId}
                  onInput={(event) => setRetailer(event.currentTarget.value)}
                />
                <datalist id="upload-retailers">
                  {retailers.map((entry) => (
                    <option key={entry} value={entry} />
                  ))}
                </datalist>
              </div>
            </>
          )}
        </div>
        <ErrorBanner error={readError} />
        {chosen && <StockFilePreview fileName={chosen.fileName} file={chosen.file} />}
        {progress && (
          <div class="upload-progress">
            <ProgressBar done={progress.batchesSent} total={progress.batches} label="Batches sent" />
            {progress.rejected > 0 && <Notice>{progress.rejected} records were refused on arrival; the job page lists why.</Notice>}
            {progress.notQueued > 0 && <Notice>{progress.notQueued} records could not be queued; send them again.</Notice>}
          </div>
        )}
        <ErrorBanner error={sendError} />
        <button type="submit" disabled={blocked || sending}>
          {sending ? 'Sending…' : chosen ? `Send ${records} record${records === 1 ? '' : 's'}` : 'Send records'}
        </button>
      </form>
    </section>
  );
};
