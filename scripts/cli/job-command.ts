import { formatCount, formatRefs, formatTable } from './format';
import { ExitCode, type CliEnv, type CliIo } from './io';
import { CONNECTION_OPTIONS, apiKeyFrom, defaultBaseUrl, onePositional, parseCommandLine } from './options';
import { OrdoClient, type JobDetail } from './ordo-client';
import { JOB_USAGE } from './usage';

const MAX_PRINTED_ERRORS = 10;

export const formatJob = (job: JobDetail) => {
  const lines = [
    `Job        ${job.jobId} (${job.name})`,
    `Retailer   ${job.retailerId}`,
    `Status     ${job.status}`,
    `Created    ${job.createdOn} · closes ${job.closesOn}`,
    `Records    ${formatCount(job.total)} total · ${formatCount(job.applied)} applied · ${formatCount(job.unchanged)} unchanged · ${formatCount(job.failed)} failed`,
  ];
  if (job.batches.length > 0) {
    lines.push('', `Batches (${job.batches.length}):`);
    const rows = job.batches.map((b) => [b.batchId, b.status, b.total, b.applied, b.unchanged, b.failed, b.createdOn]);
    const table = formatTable([['batch', 'status', 'total', 'applied', 'unchanged', 'failed', 'created'], ...rows]);
    lines.push(...table.split('\n').map((line) => `  ${line}`));
  }
  if (job.errors.length > 0) {
    const shown = job.errors.slice(0, MAX_PRINTED_ERRORS);
    lines.push('', `First ${shown.length} error${shown.length === 1 ? '' : 's'} of ${formatCount(job.failed)}:`);
    lines.push(
      ...shown.map((e) => `  batch ${e.batchId} #${e.index}: ${formatRefs(e.skuRef, e.locationRef)} ${e.code} ${e.message}`),
    );
  }
  return `${lines.join('\n')}\n`;
};

/** `ordo job <jobId>`: the job as it stands. */
export const jobCommand = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const { values, positionals } = parseCommandLine(argv, CONNECTION_OPTIONS);
  if (values.help) {
    io.stdout.write(JOB_USAGE);
    return ExitCode.OK;
  }
  const jobId = onePositional(positionals, '<jobId>');
  const client = new OrdoClient({ baseUrl: values.url || defaultBaseUrl(env), apiKey: apiKeyFrom(values.account, env) });
  const job = await client.getJob(jobId);
  io.stdout.write(values.json ? `${JSON.stringify(job)}\n` : formatJob(job));
  return ExitCode.OK;
};
