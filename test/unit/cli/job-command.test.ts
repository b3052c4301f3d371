import { runCli } from '../../../scripts/cli/main';
import { captureIo, scratchFolder } from './cli-test-support';
import { startFakeOrdoServer, type FakeOrdoServer } from './fake-ordo-server';

describe('ordo job', () => {
  const files = scratchFolder();
  let server: FakeOrdoServer;

  /** A job with two batches of the file's records, after `ordo import`. */
  const importedJob = async (csv: string) => {
    const file = files.write('job.csv', csv);
    const { io } = captureIo();
    await runCli(['import', file, '--account', 'test-key', '--retailer', 'r1', '--url', server.url, '--batch-size', '2', '--concurrency', '1'], io, {
      ORDO_POLL_INTERVAL_MS: '5',
    });
    return server.jobs[0].jobId;
  };

  const runJob = async (argv: string[]) => {
    const { io, output } = captureIo();
    const exitCode = await runCli(['job', ...argv, '--account', 'test-key', '--url', server.url], io, {});
    return { exitCode, ...output };
  };

  beforeEach(async () => {
    server = await startFakeOrdoServer({ pollsUntilFinal: 1, failAt: [{ batch: 2, index: 0 }] });
  });

  afterEach(() => server.close());
  afterAll(() => files.remove());

  it('prints the status and the counts of the job', async () => {
    // Prepare
    const jobId = await importedJob('SKU-1,LOC-1,1\nSAME-2,LOC-1,2\nSKU-3,LOC-1,3\n');

    // Act
    const { exitCode, stdout } = await runJob([jobId]);

    // Assess
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Status     OPEN\n');
    expect(stdout).toContain('Records    3 total · 1 applied · 1 unchanged · 1 failed\n');
  });

  it('prints one row per batch', async () => {
    // Prepare
    const jobId = await importedJob('SKU-1,LOC-1,1\nSAME-2,LOC-1,2\nSKU-3,LOC-1,3\n');

    // Act
    const { stdout } = await runJob([jobId]);

    // Assess
    expect(stdout).toContain(
      [
        'Batches (2):',
        '  batch    status    total  applied  unchanged  failed  created',
        '  batch-1  COMPLETE      2        1          1       0  2025-03-01T10:00:00.000Z',
        '  batch-2  FAILED        1        0          0       1  2025-03-01T10:00:00.000Z',
      ].join('\n'),
    );
  });

  it('prints the first errors with their batch and index', async () => {
    // Prepare
    const jobId = await importedJob('SKU-1,LOC-1,1\nSKU-2,LOC-1,2\nSKU-3,LOC-9,3\n');

    // Act
    const { stdout } = await runJob([jobId]);

    // Assess
    expect(stdout).toContain('First 1 error of 1:\n  batch batch-2 #0: SKU-3@LOC-9 UNKNOWN_LOCATION No such location\n');
  });

  it('prints the job as the API returns it with --json', async () => {
    // Prepare
    const jobId = await importedJob('SKU-1,LOC-1,1\n');

    // Act
    const { stdout } = await runJob([jobId, '--json']);

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({ jobId, retailerId: 'r1', total: 1, applied: 1, batches: [{ batchId: 'batch-1' }] });
  });

  it('exits 1 with the API message for an unknown job', async () => {
    // Act
    const { exitCode, stderr } = await runJob(['job-404']);

    // Assess
    expect([exitCode, stderr]).toEqual([1, 'ordo: No job job-404 [HTTP 404 NOT_FOUND, request id req-1]\n']);
  });

  it('exits 64 with the usage when the job id is missing', async () => {
    // Act
    const { exitCode, stderr } = await runJob([]);

    // Assess
    expect([exitCode, stderr.split('\n')[0]]).toEqual([64, 'ordo: <jobId> is required']);
  });
});
