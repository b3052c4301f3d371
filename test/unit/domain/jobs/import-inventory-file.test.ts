import type { Account } from '../../../../shared/domain/accounts/account';
import { applyChunk } from '../../../../shared/domain/jobs/apply-chunk';
import { FILE_IMPORT_RETAILER_ID } from '../../../../shared/domain/jobs/inventory-file';
import {
  importInventoryFile,
  type FailedReport,
  type ImportFileDeps,
  type ProcessedReport,
} from '../../../../shared/domain/jobs/import-inventory-file';
import { movedKeyOf, parseDropKey, reportKeyOf } from '../../../../shared/domain/jobs/drop-keys';
import {
  type DropFile,
  type DropFolder,
  type ImportDrop,
} from '../../../../shared/ports/import-drop';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { fakeJobDeps, JOBS_NOW, type FakeJobDeps } from '../../../support/jobs';

const ACCOUNT = 'acme';

/** The drop bucket as a map of key to content; what was moved and written is journaled in order. */
class InMemoryDrop implements ImportDrop {
  readonly objects = new Map<string, string>();
  readonly reports = new Map<string, ProcessedReport | FailedReport>();
  readonly journal: string[] = [];

  drop(key: string, content: string): DropFile {
    this.objects.set(key, content);
    const parsed = parseDropKey(key);
    if (!parsed) throw new Error(`fake: ${key} is not a drop key`);
    return { key, ...parsed, etag: '"etag-1"', size: content.length, lastModified: JOBS_NOW.toISOString() };
  }

  async listNewFiles(): Promise<DropFile[]> {
    throw new Error('fake: the use case imports the file it is given');
  }

  async read(file: DropFile) {
    this.journal.push(`read ${file.key}`);
    const content = this.objects.get(file.key);
    if (content === undefined) throw new Error(`fake: no ${file.key}`);
    const bytes = new TextEncoder().encode(content);
    async function* chunks() {
      for (let start = 0; start < bytes.length; start += 4096) yield bytes.subarray(start, start + 4096);
    }
    return { etag: file.etag, chunks: chunks() };
  }

  async move(file: DropFile, to: DropFolder): Promise<string> {
    const target = movedKeyOf(file, to);
    this.journal.push(`move ${file.key} -> ${target}`);
    this.objects.set(target, this.objects.get(file.key) ?? '');
    this.objects.delete(file.key);
    return target;
  }

  async writeReport(file: DropFile, to: DropFolder, report: object): Promise<string> {
    const key = reportKeyOf(movedKeyOf(file, to));
    this.journal.push(`report ${key}`);
    this.reports.set(key, structuredClone(report) as ProcessedReport | FailedReport);
    return key;
  }

  report(name: string, to: DropFolder) {
    return this.reports.get(reportKeyOf(movedKeyOf({ accountId: ACCOUNT, name }, to)));
  }
}

const account: Account = {
  accountId: ACCOUNT,
  name: 'Acme',
  environment: 'sandbox',
  region: 'us-east-1',
  status: 'ACTIVE',
  tableName: 'ordo-sandbox-acct-acme',
  createdOn: '2025-01-01T00:00:00.000Z',
};

const csv = (lines: string[]) => `skuRef,locationRef,qty\n${lines.join('\n')}\n`;

const stockLines = (count: number, locationRef = (_i: number) => 'LOC-1') =>
  Array.from({ length: count }, (_, i) => `SKU-${i},${locationRef(i)},${i % 50}`);

interface Setup {
  drop: InMemoryDrop;
  jobDeps: FakeJobDeps;
  deps: ImportFileDeps;
  jobsOf: jest.Mock;
  /** How many polls the fake batch processor lets pass before it runs the queued chunks. */
  processorDelayPolls: number;
}

/** The use case over in-memory fakes; sleeping between polls runs the queued chunks, as the batch processor would. */
const setup = (options: { accounts?: Account[]; locations?: string[] } = {}): Setup => {
  const drop = new InMemoryDrop();
  const jobDeps = fakeJobDeps({ locations: options.locations ?? ['LOC-1'] });
  const controlPlane = new InMemoryControlPlaneStore();
  for (const known of options.accounts ?? [account]) controlPlane.accounts.set(known.accountId, known);
  const jobsOf = jest.fn(() => jobDeps);
  const state: Setup = { drop, jobDeps, jobsOf, processorDelayPolls: 0, deps: undefined as never };
  state.deps = {
    drop,
    accounts: controlPlane,
    jobsOf,
    clock: jobDeps.clock,
    sleep: async (ms) => {
      jobDeps.clock.advance(ms);
      if (state.processorDelayPolls-- > 0) return;
      for (const chunk of jobDeps.queue.chunks.splice(0)) await applyChunk(chunk, jobDeps);
    },
  };
  return state;
};

const inAMinute = () => ({ waitUntil: new Date(JOBS_NOW.getTime() + 60_000) });

describe('importInventoryFile', () => {
  describe('a file for an account that does not exist', () => {
    it('moves the file to failed/ with a report that names the missing account', async () => {
      // Prepare
      const { drop, deps } = setup({ accounts: [] });
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(3)));

      // Act
      const outcome = await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(outcome).toMatchObject({ outcome: 'FAILED', reason: 'UNKNOWN_ACCOUNT', movedTo: 'accounts/acme/inventory/failed/stock.csv' });
      expect(drop.objects.has('accounts/acme/inventory/failed/stock.csv')).toBe(true);
      expect(drop.report('stock.csv', 'failed')).toMatchObject({
        file: 'stock.csv',
        accountId: ACCOUNT,
        outcome: 'FAILED',
        reason: 'UNKNOWN_ACCOUNT',
        message: expect.stringContaining('No account acme'),
      });
    });

    it('neither reads the file nor touches any account’s jobs', async () => {
      // Prepare
      const { drop, deps, jobsOf, jobDeps } = setup({ accounts: [] });
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(3)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(jobsOf).not.toHaveBeenCalled();
      expect(jobDeps.journal).toEqual([]);
      expect(drop.journal.filter((entry) => entry.startsWith('read'))).toEqual([]);
    });

    it('refuses an account id that no account could have without asking the control plane', async () => {
      // Prepare
      const { drop, deps } = setup();
      const getAccount = jest.spyOn(deps.accounts, 'getAccount');
      const file = drop.drop('accounts/Not_An_Id/inventory/stock.csv', csv(stockLines(1)));

      // Act
      const outcome = await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(outcome).toMatchObject({ outcome: 'FAILED', reason: 'UNKNOWN_ACCOUNT' });
      expect(getAccount).not.toHaveBeenCalled();
    });
  });

  describe('a file with a malformed line', () => {
    it('moves the file to failed/ with a report naming the line and what is wrong with it', async () => {
      // Prepare
      const { drop, deps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(['SKU-1,LOC-1,5', 'SKU-2,LOC-1', 'SKU-3,LOC-1,7']));

      // Act
      const outcome = await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(outcome).toMatchObject({ outcome: 'FAILED', reason: 'MALFORMED_LINES' });
      expect(drop.objects.has('accounts/acme/inventory/failed/stock.csv')).toBe(true);
      expect(drop.report('stock.csv', 'failed')).toMatchObject({
        outcome: 'FAILED',
        reason: 'MALFORMED_LINES',
        malformedCount: 1,
        malformedLines: [{ line: 3, message: expect.stringContaining('expected 3 or 4 comma-separated cells') }],
      });
    });

    it('creates no job and posts no record', async () => {
      // Prepare
      const { drop, deps, jobDeps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(['SKU-1,LOC-1,5', '"SKU-2,LOC-1,6']));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(jobDeps.jobs.jobs.size).toBe(0);
      expect(jobDeps.jobs.batches.size).toBe(0);
      expect(jobDeps.queue.chunks).toEqual([]);
    });

    it('lists the first 100 malformed lines and counts them all', async () => {
      // Prepare
      const { drop, deps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(Array.from({ length: 150 }, (_, i) => `SKU-${i}`)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      const report = drop.report('stock.csv', 'failed') as FailedReport;
      expect(report.malformedCount).toBe(150);
      expect(report.malformedLines).toHaveLength(100);
      expect(report.malformedLines?.[99].line).toBe(101);
    });
  });

  describe('a good file', () => {
    it('posts its records in batches of 5,000 and one of the rest', async () => {
      // Prepare
      const { drop, deps, jobDeps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(12_001)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      const totals = [...jobDeps.jobs.batches.values()].map((batch) => batch.total);
      expect(totals).toEqual([5000, 5000, 2001]);
    });

    it('leaves the file where it is, for the next run, when the queue refuses part of a batch', async () => {
      // Prepare
      const { drop, deps, jobDeps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(3_000)));
      jobDeps.queue.refusing.add(2);

      // Act
      const imported = importInventoryFile(file, inAMinute(), deps);

      // Assess
      await expect(imported).rejects.toThrow('The inventory queue refused 500 records of accounts/acme/inventory/stock.csv');
      expect(drop.objects.has('accounts/acme/inventory/stock.csv')).toBe(true);
      expect(drop.journal.filter((step) => step.startsWith('move') || step.startsWith('report'))).toEqual([]);
    });

    it('moves the file to processed/ with the settled job’s counts in its report', async () => {
      // Prepare
      const { drop, deps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(12_001)));

      // Act
      const outcome = await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(outcome).toMatchObject({ outcome: 'PROCESSED', status: 'COMPLETE', movedTo: 'accounts/acme/inventory/processed/stock.csv' });
      expect(drop.objects.has('accounts/acme/inventory/processed/stock.csv')).toBe(true);
      expect(drop.objects.has('accounts/acme/inventory/stock.csv')).toBe(false);
      expect(drop.report('stock.csv', 'processed')).toEqual({
        file: 'stock.csv',
        key: 'accounts/acme/inventory/stock.csv',
        etag: '"etag-1"',
        accountId: ACCOUNT,
        outcome: 'PROCESSED',
        jobId: 'id-1',
        status: 'COMPLETE',
        total: 12_001,
        applied: 12_001,
        unchanged: 0,
        failed: 0,
        errors: [],
        startedOn: JOBS_NOW.toISOString(),
        finishedOn: expect.any(String),
      });
    });

    it('reports each failed record by its line in the file, across batches', async () => {
      // Prepare
      const { drop, deps } = setup({ locations: ['LOC-1'] });
      const badAt = new Set([1, 5002, 10_500]);
      const lines = stockLines(12_001, (i) => (badAt.has(i) ? 'LOC-NOWHERE' : 'LOC-1'));
      lines[7] = 'SKU-7,LOC-1,-3';
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(lines));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess: record i is on line i + 2, after the header
      const report = drop.report('stock.csv', 'processed') as ProcessedReport;
      expect(report).toMatchObject({ status: 'PARTIAL', total: 12_001, applied: 11_997, failed: 4 });
      expect(report.errors).toEqual([
        { line: 3, skuRef: 'SKU-1', locationRef: 'LOC-NOWHERE', code: 'UNKNOWN_LOCATION', message: expect.any(String) },
        { line: 9, skuRef: 'SKU-7', locationRef: 'LOC-1', code: 'INVALID_RECORD', message: expect.stringContaining('qty') },
        { line: 5004, skuRef: 'SKU-5002', locationRef: 'LOC-NOWHERE', code: 'UNKNOWN_LOCATION', message: expect.any(String) },
        { line: 10_502, skuRef: 'SKU-10500', locationRef: 'LOC-NOWHERE', code: 'UNKNOWN_LOCATION', message: expect.any(String) },
      ]);
    });

    it('lists the first 100 record errors in its report and counts them all', async () => {
      // Prepare
      const { drop, deps } = setup({ locations: ['LOC-1'] });
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(300, () => 'LOC-NOWHERE')));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      const report = drop.report('stock.csv', 'processed') as ProcessedReport;
      expect(report).toMatchObject({ status: 'FAILED', failed: 300 });
      expect(report.errors).toHaveLength(100);
      expect(report.errors[99].line).toBe(101);
    });

    it('runs the job in the account named by the key, named after the file, for the import retailer', async () => {
      // Prepare
      const { drop, deps, jobDeps, jobsOf } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(2)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(jobsOf).toHaveBeenCalledWith(ACCOUNT);
      expect([...jobDeps.jobs.jobs.values()]).toEqual([expect.objectContaining({ name: 'import stock.csv', retailerId: FILE_IMPORT_RETAILER_ID })]);
    });

    it('reads the file twice: once to check every line, once to post the records', async () => {
      // Prepare
      const { drop, deps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(2)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(drop.journal.filter((entry) => entry.startsWith('read'))).toHaveLength(2);
    });

    it('writes the report before it moves the file, so a moved file always has one', async () => {
      // Prepare
      const { drop, deps } = setup();
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(2)));

      // Act
      await importInventoryFile(file, inAMinute(), deps);

      // Assess
      expect(drop.journal.slice(-2)).toEqual([
        'report accounts/acme/inventory/processed/stock.csv.report.json',
        'move accounts/acme/inventory/stock.csv -> accounts/acme/inventory/processed/stock.csv',
      ]);
    });

    it('reports a job that has not settled in time as it stands, with its jobId', async () => {
      // Prepare
      const setupState = setup();
      const { drop, deps } = setupState;
      setupState.processorDelayPolls = 1_000;
      const file = drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(10)));

      // Act
      const outcome = await importInventoryFile(file, { waitUntil: new Date(JOBS_NOW.getTime() + 5_000), pollIntervalMs: 1_000 }, deps);

      // Assess
      expect(outcome).toMatchObject({ outcome: 'PROCESSED', status: 'PENDING', jobId: 'id-1' });
      expect(drop.report('stock.csv', 'processed')).toMatchObject({
        outcome: 'PROCESSED',
        jobId: 'id-1',
        status: 'PENDING',
        total: 10,
        applied: 0,
        note: expect.stringContaining('GET /v1/jobs/id-1'),
      });
    });

    it('stops waiting at the deadline it was given', async () => {
      // Prepare
      const setupState = setup();
      setupState.processorDelayPolls = 1_000;
      const file = setupState.drop.drop('accounts/acme/inventory/stock.csv', csv(stockLines(10)));

      // Act
      await importInventoryFile(file, { waitUntil: new Date(JOBS_NOW.getTime() + 5_000), pollIntervalMs: 1_000 }, setupState.deps);

      // Assess
      expect(setupState.jobDeps.clock.now().getTime()).toBeLessThanOrEqual(JOBS_NOW.getTime() + 5_000);
    });
  });

  it('moves a file without a single stock line to failed/ and creates no job', async () => {
    // Prepare
    const { drop, deps, jobDeps } = setup();
    const file = drop.drop('accounts/acme/inventory/stock.csv', 'skuRef,locationRef,qty\n\n');

    // Act
    const outcome = await importInventoryFile(file, inAMinute(), deps);

    // Assess
    expect(outcome).toMatchObject({ outcome: 'FAILED', reason: 'NO_RECORDS' });
    expect(jobDeps.jobs.jobs.size).toBe(0);
  });
});
