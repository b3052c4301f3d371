import { eventsCommand } from './events-command';
import { InputFileError, importCommand } from './import-command';
import { ExitCode, UsageError, processIo, type CliEnv, type CliIo } from './io';
import { jobCommand } from './job-command';
import { OrdoApiError, OrdoNetworkError } from './ordo-client';
import { USAGE } from './usage';
import { webhooksCommand } from './webhooks-command';

const COMMANDS: Record<string, (argv: string[], io: CliIo, env: CliEnv) => Promise<number>> = {
  events: eventsCommand,
  import: importCommand,
  job: jobCommand,
  webhooks: webhooksCommand,
};

/** Runs one `ordo` command line and answers its exit code; never throws, never prints a stack trace. */
export const runCli = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return ExitCode.OK;
  }
  try {
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io, env);
  } catch (error) {
    return report(error, io);
  }
};

const report = (error: unknown, io: CliIo): number => {
  if (error instanceof UsageError) {
    io.stderr.write(`ordo: ${error.message}\n\n${USAGE}`);
    return ExitCode.USAGE;
  }
  if (error instanceof InputFileError) {
    io.stderr.write(`ordo: ${error.message}\n`);
    return ExitCode.NO_INPUT;
  }
  if (error instanceof OrdoApiError) {
    const request = error.requestId ? `, request id ${error.requestId}` : '';
    const field = error.field ? ` (field ${error.field})` : '';
    io.stderr.write(`ordo: ${error.message}${field} [HTTP ${error.status} ${error.code}${request}]\n`);
    return ExitCode.ERROR;
  }
  if (error instanceof OrdoNetworkError) {
    io.stderr.write(`ordo: cannot reach the API: ${error.message}\n`);
    return ExitCode.ERROR;
  }
  io.stderr.write(`ordo: ${error instanceof Error ? error.message : String(error)}\n`);
  return ExitCode.ERROR;
};

/** The `ordo` bin's entry: the process's arguments, streams and environment. */
export const runFromProcess = async () => {
  process.exitCode = await runCli(process.argv.slice(2), processIo(), process.env);
};
