import { runImport } from '../../../scripts/cli/import-command';
import { runCli } from '../../../scripts/cli/main';
import { captureIo, scratchFolder } from './cli-test-support';
import { startFakeOrdoServer, type FakeOrdoOptions, type FakeOrdoServer } from './fake-ordo-server';

const ENV = { ORDO_POLL_INTERVAL_MS: '5' };

describe('ordo import', () => {
  const files = scratchFolder();
  let server: FakeOrdoServer | undefined;

  const start = async (options: FakeOrdoOptions = {}) => {
    server = await startFakeOrdoServer(options);
    return server;
  };

  /** Runs `ordo import <file> --account test-key --retailer r1 --url <fake> …extra`. */
  const importFile = async (file: string, extra: string[] = [], options: { tty?: boolean } = {}) => {
    const { io, output } = captureIo(options);
    const args = ['import', file, '--account', 'test-key', '--retailer', 'r1', '--url', server?.url ?? '', ...extra];
    const exitCode = await runCli(args, io, ENV);
    return { exitCode, ...output };
  };

  const csv = (count: number) =>
    Array.from({ length: count }, (_, i) => `SKU-${i + 1},LOC-1,${i + 1}`).join('\n');

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  afterAll(() => files.remove());

  it('posts the records in batches of the batch size, in file order', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('seven.csv', csv(7));

    // Act
    await importFile(file, ['--batch-size', '3', '--concurrency', '1']);

    // Assess
    expect(fake.batches.map((batch) => batch.entities.map((entity) => entity.skuRef))).toEqual([
      ['SKU-1', 'SKU-2', 'SKU-3'],
      ['SKU-4', 'SKU-5', 'SKU-6'],
      ['SKU-7'],
    ]);
  });

  it('sends each record as an INVENTORY upsert of skuRef, locationRef, qty and safetyStock', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('one.csv', 'skuRef,locationRef,qty,safetyStock\nSKU-1,LOC-1,5,2\n');

    // Act
    await importFile(file);

    // Assess
    expect(fake.batches[0].entities).toEqual([{ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 5, safetyStock: 2 }]);
  });

  it('creates the job for the retailer, named after the file by default', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('stock.csv', csv(1));

    // Act
    await importFile(file);

    // Assess
    expect(fake.jobs[0]).toMatchObject({ retailerId: 'r1', name: expect.stringMatching(/^import stock\.csv \d{4}-\d\d-\d\dT/) });
  });

  it('prints the counts of the summary as one JSON object with --json', async () => {
    // Prepare
    await start({ failAt: [{ batch: 1, index: 0 }] });
    const file = files.write('counts.csv', 'SKU-1,LOC-1,1\nSAME-2,LOC-1,2\nSKU-3,LOC-1,3\nSKU-4,LOC-1\n');

    // Act
    const { stdout } = await importFile(file, ['--json']);

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({
      jobId: 'job-1',
      status: 'PARTIAL',
      total: 4,
      applied: 1,
      unchanged: 1,
      failed: 2,
      malformed: 1,
      batches: 1,
      recordsPerSecond: expect.any(Number),
    });
  });

  it('reports a server error at the file line of the record it names', async () => {
    // Prepare
    await start({ failAt: [{ batch: 2, index: 1 }] });
    const file = files.write('lines.csv', `skuRef,locationRef,qty\n\n${csv(3)}\n\n${['SKU-4,LOC-1,4', 'SKU-5,LOC-1,5'].join('\n')}\n`);

    // Act
    const { stdout } = await importFile(file, ['--batch-size', '3', '--concurrency', '1', '--json']);

    // Assess
    expect(JSON.parse(stdout).errors).toEqual([
      { line: 8, skuRef: 'SKU-5', locationRef: 'LOC-1', code: 'UNKNOWN_LOCATION', message: 'No such location' },
    ]);
  });

  it('reports a value the server refuses at its line', async () => {
    // Prepare
    await start();
    const file = files.write('qty.csv', 'SKU-1,LOC-1,1\nSKU-2,LOC-1,2.5\n');

    // Act
    const { stdout } = await importFile(file, ['--json']);

    // Assess
    expect(JSON.parse(stdout).errors).toEqual([
      { line: 2, skuRef: 'SKU-2', locationRef: 'LOC-1', code: 'VALIDATION_FAILED', message: 'qty must be a whole number' },
    ]);
  });

  it('reports malformed lines with their line and does not send them', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('malformed.csv', 'SKU-1,LOC-1,1\nSKU-2\nSKU-3,LOC-1,3\n');

    // Act
    const { stdout } = await importFile(file, ['--json']);

    // Assess
    expect(fake.batches[0].entities.map((entity) => entity.skuRef)).toEqual(['SKU-1', 'SKU-3']);
    expect(JSON.parse(stdout).errors).toEqual([
      {
        line: 2,
        code: 'MALFORMED_LINE',
        message: 'line 2: expected 3 or 4 comma-separated cells (skuRef,locationRef,qty[,safetyStock]), found 1',
      },
    ]);
  });

  it('prints the summary and the first errors as line, refs, code and message', async () => {
    // Prepare
    await start({ failAt: [{ batch: 1, index: 1 }] });
    const file = files.write('text.csv', 'SKU-1,LOC-1,1\nSKU-2\nSKU-3,LOC-9,3\n');

    // Act
    const { stdout } = await importFile(file);

    // Assess
    expect(stdout).toMatch(/^Job {8}job-1 \(import text\.csv .+\)\nStatus {5}PARTIAL\nTotal {6}3\nApplied {4}1\nUnchanged {2}0\n/);
    expect(stdout).toContain(
      [
        'First 2 errors of 2:',
        '  line 2: MALFORMED_LINE expected 3 or 4 comma-separated cells (skuRef,locationRef,qty[,safetyStock]), found 1',
        '  line 3: SKU-3@LOC-9 UNKNOWN_LOCATION No such location',
      ].join('\n'),
    );
  });

  it('prints the elapsed time and the records per second', async () => {
    // Prepare
    await start();
    const file = files.write('elapsed.csv', csv(2));

    // Act
    const { stdout } = await importFile(file);

    // Assess
    expect(stdout).toMatch(/\nElapsed {4}\d+\.\d s · [\d,]+ records\/s\n/);
  });

  it('reads a JSON Lines file', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('stock.jsonl', '{"skuRef":"SKU-1","locationRef":"LOC-1","qty":4}\n');

    // Act
    await importFile(file);

    // Assess
    expect(fake.batches[0].entities).toEqual([{ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 4 }]);
  });

  it('exits 0 when every record is applied or unchanged', async () => {
    // Prepare
    await start();
    const file = files.write('ok.csv', 'SKU-1,LOC-1,1\nSAME-2,LOC-1,2\n');

    // Act
    const { exitCode } = await importFile(file);

    // Assess
    expect(exitCode).toBe(0);
  });

  it('exits 2 when some records fail', async () => {
    // Prepare
    await start({ failAt: [{ batch: 1, index: 0 }] });
    const file = files.write('partial.csv', csv(2));

    // Act
    const { exitCode } = await importFile(file);

    // Assess
    expect(exitCode).toBe(2);
  });

  it('counts only the batches it sent when a batch refused with 503 is sent again', async () => {
    // Prepare
    const fake = await start({ refuseBatches: [1] });
    const file = files.write('refused-once.csv', csv(2));

    // Act
    const { exitCode, stdout } = await importFile(file, ['--json']);

    // Assess
    expect(fake.batches).toHaveLength(2);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'COMPLETE', total: 2, applied: 2, failed: 0, batches: 1, errors: [] });
  });

  it('exits 2 with status FAILED when no record is applied', async () => {
    // Prepare
    await start();
    const file = files.write('failed.csv', 'SKU-1,LOC-1,x\nSKU-2\n');

    // Act
    const { exitCode, stdout } = await importFile(file, ['--json']);

    // Assess
    expect([exitCode, JSON.parse(stdout).status]).toEqual([2, 'FAILED']);
  });

  it('exits 1 and shows the message and request id when the server answers 401, without a stack trace', async () => {
    // Prepare
    await start({ apiKey: 'another-key' });
    const file = files.write('denied.csv', csv(1));

    // Act
    const { exitCode, stderr } = await importFile(file);

    // Assess
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      'ordo: A valid API key is required: send "Authorization: Bearer <apiKey>" [HTTP 401 UNAUTHENTICATED, request id req-1]\n',
    );
  });

  it('exits 1 and stops reading when the job is closed during the import', async () => {
    // Prepare
    const fake = await start({ closeAfterBatches: 1 });
    const file = files.write('closed.csv', csv(10));

    // Act
    const { exitCode, stderr } = await importFile(file, ['--batch-size', '2', '--concurrency', '1']);

    // Assess
    expect([exitCode, fake.batches.length]).toEqual([1, 1]);
    expect(stderr).toContain('ordo: Job job-1 is closed [HTTP 409 JOB_CLOSED, request id');
  });

  it('exits 1 when the API cannot be reached', async () => {
    // Prepare
    const gone = await startFakeOrdoServer();
    await gone.close();
    const file = files.write('unreachable.csv', csv(1));
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', file, '--account', 'k', '--retailer', 'r1', '--url', gone.url], io, ENV);

    // Assess
    expect(exitCode).toBe(1);
    expect(output.stderr).toMatch(/^ordo: cannot reach the API: POST http:\/\/127\.0\.0\.1:\d+\/v1\/jobs failed: .*ECONNREFUSED/);
  });

  it('exits 64 and prints the usage when --account is missing', async () => {
    // Prepare
    const file = files.write('no-account.csv', csv(1));
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', file, '--retailer', 'r1'], io, ENV);

    // Assess
    expect(exitCode).toBe(64);
    expect(output.stderr).toMatch(/^ordo: --account <apiKey> is required \(or set ORDO_API_KEY\)\n\nUsage:\n {2}ordo import/);
  });

  it('creates the job for retailer file-import, as the scheduled imports do, when no retailer is given', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('no-retailer.csv', csv(1));
    const { io } = captureIo();

    // Act
    const exitCode = await runCli(['import', file, '--account', 'test-key', '--url', fake.url], io, ENV);

    // Assess
    expect([exitCode, fake.jobs[0]?.retailerId]).toEqual([0, 'file-import']);
  });

  it('exits 64 when the batch size is over 5,000', async () => {
    // Prepare
    const file = files.write('big-batch.csv', csv(1));
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', file, '--account', 'k', '--retailer', 'r1', '--batch-size', '5001'], io, ENV);

    // Assess
    expect([exitCode, output.stderr.split('\n')[0]]).toEqual([64, 'ordo: --batch-size must be a whole number from 1 to 5000, got "5001"']);
  });

  it('exits 66 without creating a job when the file does not exist', async () => {
    // Prepare
    const fake = await start();

    // Act
    const { exitCode, stderr } = await importFile('/no/such/stock.csv');

    // Assess
    expect([exitCode, stderr, fake.jobs.length]).toEqual([66, 'ordo: cannot read /no/such/stock.csv: no such file\n', 0]);
  });

  it('takes the API key, the retailer and the URL from the environment', async () => {
    // Prepare
    const fake = await start();
    const file = files.write('env.csv', csv(1));
    const { io } = captureIo();
    const env = { ...ENV, ORDO_API_KEY: 'test-key', ORDO_RETAILER: 'r-env', ORDO_URL: fake.url };

    // Act
    const exitCode = await runCli(['import', file], io, env);

    // Assess
    expect([exitCode, fake.jobs[0].retailerId]).toEqual([0, 'r-env']);
  });

  it('keeps at most --concurrency batches in flight', async () => {
    // Prepare
    const fake = await start({ batchDelayMs: 30 });
    const file = files.write('concurrency.csv', csv(12));

    // Act
    await importFile(file, ['--batch-size', '1', '--concurrency', '3']);

    // Assess
    expect([fake.batches.length, fake.maxBatchesInFlight]).toEqual([12, 3]);
  });

  it('prints plain progress lines when stderr is not a terminal', async () => {
    // Prepare
    await start();
    const file = files.write('plain.csv', csv(3));

    // Act
    const { stderr } = await importFile(file);

    // Assess
    expect(stderr).toMatch(/^progress 100% 3\/3 records · [\d,]+ rec\/s · ETA 0s\n$/m);
    expect(stderr).not.toContain('\r');
  });

  it('redraws one progress bar line when stderr is a terminal', async () => {
    // Prepare
    await start();
    const file = files.write('tty.csv', csv(3));

    // Act
    const { stderr } = await importFile(file, [], { tty: true });

    // Assess
    const lastDrawing = stderr.slice(stderr.lastIndexOf('\r'));
    expect(lastDrawing).toMatch(/^\r\[█{20}\] 100% 3\/3 records · [\d,]+ rec\/s · ETA 0s/);
    expect(lastDrawing.endsWith('\x1b[K\n')).toBe(true);
  });
});

describe('runImport', () => {
  const files = scratchFolder();
  afterAll(() => files.remove());

  it('returns the summary to a caller in the same process', async () => {
    // Prepare
    const server = await startFakeOrdoServer();
    const file = files.write('bench.csv', 'SKU-1,LOC-1,1\nSKU-2,LOC-1,2\n');

    // Act
    const summary = await runImport(
      { file, apiKey: 'test-key', retailerId: 'r1', baseUrl: server.url, name: 'bench', pollIntervalMs: 5 },
      { stderr: { write: () => true } },
    ).finally(() => server.close());

    // Assess
    expect(summary).toMatchObject({ jobId: 'job-1', name: 'bench', status: 'COMPLETE', total: 2, applied: 2, failed: 0 });
  });
});
