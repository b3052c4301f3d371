import { formatCount, formatTable } from './format';
import { ExitCode, UsageError, type CliEnv, type CliIo } from './io';
import { CONNECTION_OPTIONS, apiKeyFrom, defaultBaseUrl, parseCommandLine } from './options';
import { OrdoApiError, OrdoClient, type EventSummary } from './ordo-client';
import { ProgressBar, type ImportProgress } from './progress-bar';
import { EVENTS_USAGE } from './usage';

const REDRIVE_OPTIONS = {
  ...CONNECTION_OPTIONS,
  all: { type: 'boolean', default: false },
  event: { type: 'string' },
  retailer: { type: 'string' },
} as const;

const PAGE_SIZE = 100;

export interface RedriveSummary {
  stuck: number;
  redriven: string[];
  failed: { eventId: string; code: string; message: string }[];
}

/** Every STUCK event the key may see, page after page, of one retailer when one is named. */
const stuckEvents = async (client: OrdoClient, retailerId: string | undefined): Promise<EventSummary[]> => {
  const events: EventSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listEvents({ status: 'STUCK', limit: PAGE_SIZE, cursor });
    events.push(...page.items.filter((event) => retailerId === undefined || event.retailerId === retailerId));
    cursor = page.cursor;
  } while (cursor);
  return events;
};

const formatStuck = (events: EventSummary[]) =>
  formatTable([
    ['event', 'retailer', 'name', 'entity', 'stuck since', 'last error'],
    ...events.map((event) => [event.eventId, event.retailerId, event.name, `${event.entityType} ${event.entityRef}`, event.stuckSince ?? '', event.lastError?.code ?? '']),
  ]);

export const formatRedriveSummary = (summary: RedriveSummary) => {
  const lines = [`Re-driven ${formatCount(summary.redriven.length)} of ${formatCount(summary.stuck)} stuck event${summary.stuck === 1 ? '' : 's'}.`];
  if (summary.failed.length) {
    lines.push(`Not re-driven (${formatCount(summary.failed.length)}):`, ...summary.failed.map((failure) => `  ${failure.eventId}: ${failure.code} ${failure.message}`));
  }
  return `${lines.join('\n')}\n`;
};

/** An event to re-drive: its id, and its retailer when known (an unscoped key must name it if several retailers use the id). */
type Redrivable = Pick<EventSummary, 'eventId'> & { retailerId?: string };

/** Re-drives each event in turn; an event the API refuses is noted and the others go on. */
const redrive = async (client: OrdoClient, events: Redrivable[], io: Pick<CliIo, 'stderr'>): Promise<RedriveSummary> => {
  const summary: RedriveSummary = { stuck: events.length, redriven: [], failed: [] };
  const bar = new ProgressBar(io.stderr);
  const progress = (): ImportProgress => ({
    phase: 'processing',
    bytesRead: 0,
    fileSize: 0,
    recordsRead: events.length,
    recordsDone: summary.redriven.length + summary.failed.length,
    unit: 'events',
  });
  for (const event of events) {
    try {
      await client.retryEvent(event.eventId, event.retailerId);
      summary.redriven.push(event.eventId);
    } catch (error) {
      if (!(error instanceof OrdoApiError)) throw error;
      summary.failed.push({ eventId: event.eventId, code: error.code, message: error.message });
    }
    bar.update(progress());
  }
  bar.finish(progress());
  return summary;
};

/** `ordo events redrive`: lists the STUCK events, or re-drives one (`--event`) or all of them (`--all`). */
const redriveCommand = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const { values, positionals } = parseCommandLine(argv, REDRIVE_OPTIONS);
  if (values.help) {
    io.stdout.write(EVENTS_USAGE);
    return ExitCode.OK;
  }
  if (positionals.length > 0) throw new UsageError(`events redrive takes no argument, got: ${positionals.join(' ')}`);
  if (values.all && values.event) throw new UsageError('pass --all or --event <eventId>, not both');
  const client = new OrdoClient({ baseUrl: values.url || defaultBaseUrl(env), apiKey: apiKeyFrom(values.account, env) });

  if (values.event) {
    const summary = await redrive(client, [{ eventId: values.event, retailerId: values.retailer }], io);
    io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatRedriveSummary(summary));
    return summary.failed.length ? ExitCode.ERROR : ExitCode.OK;
  }

  const events = await stuckEvents(client, values.retailer);
  if (!values.all) {
    if (values.json) io.stdout.write(`${JSON.stringify({ stuck: events })}\n`);
    else if (!events.length) io.stdout.write('No stuck events.\n');
    else io.stdout.write(`${formatStuck(events)}\n\n${formatCount(events.length)} stuck event${events.length === 1 ? '' : 's'}. Pass --all to re-drive them, or --event <eventId> for one.\n`);
    return ExitCode.OK;
  }
  const summary = await redrive(client, events, io);
  io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatRedriveSummary(summary));
  return summary.failed.length ? ExitCode.INCOMPLETE : ExitCode.OK;
};

/** `ordo events <subcommand>`. */
export const eventsCommand = async (argv: string[], io: CliIo, env: CliEnv): Promise<number> => {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'redrive') return redriveCommand(rest, io, env);
  throw new UsageError(subcommand === undefined ? 'events needs a subcommand: redrive' : `unknown events subcommand "${subcommand}"`);
};
