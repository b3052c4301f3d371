import { runCli } from '../../../scripts/cli/main';
import { captureIo } from './cli-test-support';

describe('ordo', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']]])('prints the usage and exits 0 for %j', async (argv) => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(argv, io, {});

    // Assess
    expect([exitCode, output.stdout]).toEqual([0, expect.stringMatching(/^Usage:\n {2}ordo import <file>/)]);
  });

  it('prints the help of one command with --help', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', '--help'], io, {});

    // Assess
    expect([exitCode, output.stdout]).toEqual([0, expect.stringContaining('--batch-size <n>')]);
  });

  it('exits 64 with the usage for an unknown command', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['export', 'x.csv'], io, {});

    // Assess
    expect([exitCode, output.stderr]).toEqual([64, expect.stringMatching(/^ordo: unknown command "export"\n\nUsage:/)]);
  });

  it('exits 64 for an unknown option', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', 'x.csv', '--acount', 'k'], io, {});

    // Assess
    expect([exitCode, output.stderr]).toEqual([64, expect.stringContaining("Unknown option '--acount'")]);
  });

  it('exits 64 when an option has no value', async () => {
    // Prepare
    const { io } = captureIo();

    // Act
    const exitCode = await runCli(['import', 'x.csv', '--retailer', 'r1', '--account'], io, {});

    // Assess
    expect(exitCode).toBe(64);
  });

  it('exits 64 when import is given two files', async () => {
    // Prepare
    const { io, output } = captureIo();

    // Act
    const exitCode = await runCli(['import', 'a.csv', 'b.csv', '--account', 'k', '--retailer', 'r1'], io, {});

    // Assess
    expect([exitCode, output.stderr.split('\n')[0]]).toEqual([64, 'ordo: expected one <file>, got 2: a.csv b.csv']);
  });
});
