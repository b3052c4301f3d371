import { isWebhookSecret } from '../../shared/domain/webhooks/webhook-secret';
import { formatTable } from './format';
import { ExitCode, UsageError, type CliEnv, type CliIo } from './io';
import { CONNECTION_OPTIONS, apiKeyFrom, defaultBaseUrl, integerOption, parseCommandLine } from './options';
import { OrdoClient, type WebhookSubscription } from './ordo-client';
import { startWebhookListener } from './webhook-listener';
import { WEBHOOKS_USAGE } from './usage';

export const DEFAULT_LISTEN_PORT = 4000;

const LISTEN_OPTIONS = {
  port: { type: 'string' },
  secret: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Resolves at Ctrl+C (or a SIGTERM) when the caller gave no other way to stop. */
const stopped = (signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/** `ordo webhooks listen`: a receiver on 127.0.0.1 that checks and prints each message until stopped. */
const listen = async (argv: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parseCommandLine(argv, LISTEN_OPTIONS);
  if (values.help) {
    io.stdout.write(WEBHOOKS_USAGE);
    return ExitCode.OK;
  }
  if (positionals.length > 0) throw new UsageError(`webhooks listen takes no argument, got: ${positionals.join(' ')}`);
  const port = integerOption(values.port, 'port', { min: 0, max: 65535, default: DEFAULT_LISTEN_PORT });
  if (values.secret !== undefined && !isWebhookSecret(values.secret)) {
    throw new UsageError('--secret must be the whsec_… secret Ordo showed when the webhook was created or its secret rotated');
  }
  const listener = await startWebhookListener({ port, secret: values.secret, out: io.stdout }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'EADDRINUSE' ? `port ${port} is already in use: choose another with --port` : error.message);
  });
  const checking = values.secret ? 'checking each signature with the given secret' : 'not checking signatures (give --secret whsec_… to)';
  io.stderr.write(`Listening on ${listener.url} (any path), ${checking}. Ctrl+C stops.\n`);
  await stopped(io.stop);
  await listener.close();
  io.stderr.write(`Stopped after ${listener.received.length} request${listener.received.length === 1 ? '' : 's'}.\n`);
  return ExitCode.OK;
};

export const formatWebhooks = (items: WebhookSubscription[]): string =>
  items.length === 0
    ? 'No webhook subscriptions.\n'
    : `${formatTable([['id', 'url', 'events', 'status'], ...items.map((item) => [item.webhookId, item.url, item.events.join(','), item.status])])}\n`;

/** `ordo webhooks list`: the account's subscriptions, as the key may see them. */
const list = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const { values, positionals } = parseCommandLine(argv, CONNECTION_OPTIONS);
  if (values.help) {
    io.stdout.write(WEBHOOKS_USAGE);
    return ExitCode.OK;
  }
  if (positionals.length > 0) throw new UsageError(`webhooks list takes no argument, got: ${positionals.join(' ')}`);
  const client = new OrdoClient({ baseUrl: values.url || defaultBaseUrl(env), apiKey: apiKeyFrom(values.account, env) });
  const { items } = await client.listWebhooks();
  io.stdout.write(values.json ? `${JSON.stringify(items)}\n` : formatWebhooks(items));
  return ExitCode.OK;
};

/** `ordo webhooks <listen|list>`. */
export const webhooksCommand = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'listen') return listen(rest, io);
  if (subcommand === 'list') return list(rest, io, env);
  if (subcommand === '--help' || subcommand === '-h') {
    io.stdout.write(WEBHOOKS_USAGE);
    return ExitCode.OK;
  }
  if (subcommand === undefined) throw new UsageError('webhooks needs a command: listen or list');
  throw new UsageError(`unknown webhooks command "${subcommand}": use listen or list`);
};
