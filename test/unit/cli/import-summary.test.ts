import { formatImportSummary, summarise } from '../../../scripts/cli/import-summary';
import type { JobDetail } from '../../../scripts/cli/ordo-client';

const job = (records: number): JobDetail => ({
  jobId: 'job-1',
  name: 'import stock.csv',
  retailerId: 'file-import',
  status: 'COMPLETE',
  createdOn: '2025-03-01T10:00:00.000Z',
  closesOn: '2025-03-02T10:00:00.000Z',
  total: records,
  applied: records,
  unchanged: 0,
  failed: 0,
  errors: [],
  batches: [{ batchId: 'batch-1', status: 'COMPLETE', total: records, applied: records, unchanged: 0, failed: 0, createdOn: '2025-03-01T10:00:00.000Z' }],
});

const summaryOf = (records: number, elapsedMs: number) =>
  summarise({ job: job(records), file: 'stock.csv', sent: [{ batchId: 'batch-1', lines: [] }], malformed: [], malformedCount: 0, elapsedMs });

describe('the import summary', () => {
  it('gives a small file’s rate with one decimal instead of 0 records/s', () => {
    // Act
    const summary = summaryOf(3, 8_000);

    // Assess
    expect(summary.recordsPerSecond).toBe(0.4);
    expect(formatImportSummary(summary)).toContain('8.0 s · 0.4 records/s');
  });

  it('gives a large import’s rate in whole records with thousands separators', () => {
    // Act
    const summary = summaryOf(50_000, 19_800);

    // Assess
    expect(summary.recordsPerSecond).toBe(2525);
    expect(formatImportSummary(summary)).toContain('19.8 s · 2,525 records/s');
  });
});
