import { handler as sweepScheduledEvents } from '../../functions/engine/sweep-scheduled-events';
import { lambdaContext } from '../support/api-gateway-event';
import { scanAccounts } from './account-scans';
import { deadLetteredEventIds } from './dead-letters';
import { EventsPump, type PumpCounts } from './events-pump';
import { DEFAULT_RATES, failingCommits, FaultPlan, type FaultName, type FaultRates } from './faults';
import { checkInvariants, type Verdict } from './invariants';
import { RelayPump } from './relay-pump';
import { deliverDueWebhooks, FlakyEndpoint } from './webhook-endpoint';
import { orderWaves, stockShop } from './stock-workload';
import { chaosAccounts, eventWaves, type Post } from './workload';

export interface ChaosOptions {
  /** Status events of the back-and-forth orders. */
  events: number;
  /** Orders of the reference workflows that reserve stock (created async), half of them shipped after. */
  orders: number;
  roots: number;
  accounts: number;
  /** The same seed draws the same faults (the timing of the emulators still varies). */
  seed: number;
  rates: FaultRates;
  /** Share of webhook requests the endpoint answers with 500. */
  webhookFailureRate: number;
  /** The consumer is stopped this many times, evenly through the posting, for outageMs each. */
  outages: number;
  outageMs: number;
  /** Events posted at once. */
  posting: number;
  /** The whole run stops here whatever is left; an unsettled run fails. */
  deadlineMs: number;
}

export const DEFAULT_OPTIONS: ChaosOptions = {
  events: 10_000,
  orders: 500,
  roots: 200,
  accounts: 5,
  seed: 16,
  rates: DEFAULT_RATES,
  webhookFailureRate: 0.2,
  outages: 2,
  outageMs: 3_000,
  posting: 16,
  deadlineMs: 15 * 60_000,
};

export interface ChaosReport {
  planned: number;
  accepted: number;
  /** Accepted, by kind: status events, order creations, fulfilment events. */
  acceptedByKind: Record<Post['kind'], number>;
  /** Event records by outcome (SUCCESS, NO_MATCH, FAILED, PENDING), from the scan. */
  outcomes: Record<string, number>;
  accounts: number;
  roots: number;
  faults: Record<FaultName, number>;
  outages: number;
  outageMs: number;
  pump: PumpCounts;
  webhookRequests: number;
  deadLettered: number;
  /** Accounts, workflows, catalogue and subscriptions made, before the first event. */
  setupMs: number;
  elapsedMs: number;
  verdicts: Verdict[];
}

/**
 * Nothing moved on any queue or stream this long (past the 1 s visibility timeout of what a crash left and the 1 s
 * between webhook attempts) before the run calls itself settled.
 */
const SETTLED_AFTER_MS = 4_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over the items, `width` at a time. */
const inPool = async <T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
};

/** When anything last moved, and whether the run is still posting or in an outage; shared by the loops. */
class Progress {
  lastMoved = Date.now();
  posting = true;

  constructor(readonly deadline: number) {}

  moved(): void {
    this.lastMoved = Date.now();
  }

  get settled(): boolean {
    return !this.posting && Date.now() - this.lastMoved > SETTLED_AFTER_MS;
  }

  get over(): boolean {
    return this.settled || Date.now() > this.deadline;
  }
}

const countKinds = (posts: Post[]): Record<Post['kind'], number> => {
  const counts = { status: 0, order: 0, fulfilment: 0 };
  for (const { kind } of posts) counts[kind]++;
  return counts;
};

/** Wave by wave, what each list plans for it. */
const mergeWaves = (...lists: Post[][][]): Post[][] =>
  Array.from({ length: Math.max(...lists.map((list) => list.length)) }, (_, w) => lists.flatMap((list) => list[w] ?? []));

/** Posts the waves in order, stopping the consumer for the planned outages; what the API accepted, by event id. */
const post = async (waves: Post[][], options: ChaosOptions, pump: EventsPump, progress: Progress) => {
  const accepted = new Map<string, Post>();
  const outageWaves = new Set(Array.from({ length: options.outages }, (_, i) => Math.floor(((i + 1) * waves.length) / (options.outages + 1))));
  for (const [w, wave] of waves.entries()) {
    if (Date.now() > progress.deadline) break;
    if (outageWaves.has(w)) {
      pump.paused = true;
      setTimeout(() => {
        pump.paused = false;
        progress.moved();
      }, options.outageMs);
    }
    await inPool(wave, options.posting, async (planned) => {
      if (await planned.send()) accepted.set(planned.id, planned);
    });
    progress.moved();
  }
  return accepted;
};

/** Runs a round again and again until the run settles or its deadline passes; a round that moved something says so. */
const loop = async (progress: Progress, round: () => Promise<boolean>): Promise<void> => {
  while (!progress.over) {
    if (await round()) progress.moved();
    else await pause(50);
  }
};

/**
 * The chaos run: accounts and their orders, events posted through the API and consumed from the real events queue
 * by the real handler, the outbox relayed from the change streams, webhooks sent to a flaky endpoint and retried from
 * the webhooks queue, all under random faults; then the invariants from a raw Scan of every account table.
 */
export const runChaos = async (given: Partial<ChaosOptions> = {}): Promise<ChaosReport> => {
  const options = { ...DEFAULT_OPTIONS, ...given };
  const started = Date.now();
  const progress = new Progress(started + options.deadlineMs);
  const endpoint = await FlakyEndpoint.start(options.webhookFailureRate, options.seed);
  const faults = new FaultPlan(options.rates, options.seed);
  const relay = new RelayPump(faults);
  const restore = failingCommits(faults);
  try {
    const accounts = await chaosAccounts(options.accounts, options.roots, endpoint.url());
    if (options.orders > 0) for (const account of accounts) await stockShop(account);
    const statusWaves = eventWaves(accounts, options.events);
    const waves = mergeWaves(statusWaves, orderWaves(accounts, options.orders, statusWaves.length, options.seed));
    const planned = waves.reduce((sum, wave) => sum + wave.length, 0);
    const setupMs = Date.now() - started;
    await relay.start();
    // The first read takes each stream's place: from here on, every commit's records reach the relay.
    await relay.round();
    const pump = new EventsPump(faults);
    const [accepted] = await Promise.all([
      post(waves, options, pump, progress).finally(() => (progress.posting = false)),
      // One events consumer, as the handler's batch processor is one per container: two batches at once would share its state.
      loop(progress, async () => {
        const received = await pump.round();
        // An outage is not a quiet queue: the run is not settled while the consumer is stopped.
        if (pump.paused) progress.moved();
        return received > 0;
      }),
      loop(progress, () => relay.round()),
      loop(progress, async () => (await deliverDueWebhooks()) > 0),
      // The schedule's sweep, as its rule runs it every minute on AWS; here as often as the loop comes round.
      loop(progress, async () => ((await sweepScheduledEvents({}, lambdaContext('sweepScheduledEvents', 60_000))) as { released: number }).released > 0),
    ]);
    restore();
    const deadLettered = await deadLetteredEventIds(Date.now() + 30_000);
    const requests = endpoint.requests();
    const checked = checkInvariants(await scanAccounts(accounts), { accepted: new Set(accepted.keys()), deadLettered, webhooks: requests, relayGaveUp: relay.givenUp.length });
    const verdicts = [
      {
        name: 'run settled before its deadline',
        holds: progress.settled && accepted.size === planned,
        detail: `${accepted.size} of ${planned} events accepted, settled: ${progress.settled}`,
      },
      ...checked.verdicts,
    ];
    return {
      planned,
      accepted: accepted.size,
      acceptedByKind: countKinds([...accepted.values()]),
      outcomes: checked.outcomes,
      accounts: accounts.length,
      roots: accounts.reduce((sum, account) => sum + account.roots.length, 0),
      faults: { ...faults.counts },
      outages: options.outages,
      outageMs: options.outageMs,
      pump: { ...pump.counts },
      webhookRequests: requests.length,
      deadLettered: deadLettered.size,
      setupMs,
      elapsedMs: Date.now() - started,
      verdicts,
    };
  } finally {
    restore();
    relay.stop();
    await endpoint.close();
  }
};
