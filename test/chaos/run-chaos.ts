import { handler as sweepScheduledEvents } from '../../functions/engine/sweep-scheduled-events';
import { lambdaContext } from '../support/api-gateway-event';
import { scanAccounts } from './account-scans';
import { deadLetteredEvents } from './dead-letters';
import { EventsPump, type PumpCounts } from './events-pump';
import { DEFAULT_RATES, failingCommits, FaultPlan, type FaultName, type FaultRates } from './faults';
import { checkInvariants, type Verdict } from './invariants';
import { FaultyLink } from './faulty-link';
import { postWaves, spread, type PostingCounts } from './posting';
import { loop, Progress } from './progress';
import { RelayPump } from './relay-pump';
import { Restocks, type RestockCounts } from './restocks';
import { WireThrottle } from './wire-throttle';
import { deliverDueWebhooks, FlakyEndpoint } from './webhook-endpoint';
import { onHandFor, orderWaves, stockShop } from './stock-workload';
import { tallyStockOrders, type StockOrderTally } from './stock-orders';
import { chaosAccounts, eventWaves, type Post } from './workload';

export interface ChaosOptions {
  /** Status events of the back-and-forth orders. */
  events: number;
  /** Orders of the reference workflows that reserve stock (created async), half of them shipped after, a quarter cancelled. */
  orders: number;
  roots: number;
  accounts: number;
  /** The same seed draws the same faults (the timing of the emulators still varies). */
  seed: number;
  rates: FaultRates;
  /** Share of the handlers' DynamoDB requests answered ProvisionedThroughputExceededException (see WireThrottle); 0 for none. */
  throttleRate: number;
  /** Share of webhook requests the endpoint answers with 500. */
  webhookFailureRate: number;
  /** The queue is down this many times, evenly through the posting, for outageMs each (see FaultyLink). */
  outages: number;
  outageMs: number;
  /** Recounts of every stocked position through inventory batches, evenly through the posting (none without orders). */
  recounts: number;
  /** Events posted at once. */
  posting: number;
  /** The whole run stops here whatever is left; an unsettled run fails. */
  deadlineMs: number;
  /** The first chance of each fault strikes (see FaultPlan), so every kind happens even in a short run. */
  atLeastOnce: boolean;
}

export const DEFAULT_OPTIONS: ChaosOptions = {
  events: 10_000,
  orders: 500,
  roots: 200,
  accounts: 5,
  seed: 16,
  rates: DEFAULT_RATES,
  // Off unless asked for (npm run chaos -- --throttle 2): see the README on what a throttled run still breaks.
  throttleRate: 0,
  webhookFailureRate: 0.2,
  outages: 2,
  outageMs: 3_000,
  recounts: 10,
  posting: 16,
  deadlineMs: 15 * 60_000,
  atLeastOnce: true,
};

export interface ChaosReport {
  planned: number;
  accepted: number;
  /** Accepted, by kind: status events, order creations, fulfilment events, order cancels. */
  acceptedByKind: Record<Post['kind'], number>;
  /** Event records by outcome (SUCCESS, NO_MATCH, FAILED, PENDING), from the scan. */
  outcomes: Record<string, number>;
  accounts: number;
  roots: number;
  faults: Record<FaultName, number>;
  outages: number;
  outageMs: number;
  pump: PumpCounts;
  posting: PostingCounts;
  /** Requests to the queue refused while it was down, and consumer rounds that failed and went on. */
  outage: { refused: number; roundsFailed: number };
  /** DynamoDB requests of the handlers answered throttled at the wire, the SDK's retries included. */
  throttled: number;
  restocks: RestockCounts;
  /** Units first on hand at each position, and how the reference-workflow orders fared for stock. */
  onHand: number;
  stockOrders: StockOrderTally;
  webhookRequests: number;
  deadLettered: number;
  /** Accounts, workflows, catalogue and subscriptions made, before the first event. */
  setupMs: number;
  /** From the first post to the last one accepted; the rest of the run is the queues draining. */
  postingMs: number;
  elapsedMs: number;
  verdicts: Verdict[];
}

/**
 * Between sweeps of the scheduled events that released nothing. A sweep reads every account, and the TICKs it
 * releases are due a second after their BOOK: sweeping more often only takes the emulator from the consumer.
 */
const SWEEP_IDLE_MS = 400;

const countKinds = (posts: Post[]): Record<Post['kind'], number> => {
  const counts = { status: 0, order: 0, fulfilment: 0, cancel: 0 };
  for (const { kind } of posts) counts[kind]++;
  return counts;
};

/** Wave by wave, what each list plans for it. */
const mergeWaves = (...lists: Post[][][]): Post[][] =>
  Array.from({ length: Math.max(...lists.map((list) => list.length)) }, (_, w) => lists.flatMap((list) => list[w] ?? []));

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
  const faults = new FaultPlan(options.rates, options.seed, options.atLeastOnce);
  let restore = () => undefined as void;
  // Every client of the process goes through the links, so they must be in place before the first one is made. The
  // harness's own DynamoDB reads (streams here, the final scans once throttling is off) go to the emulator.
  const direct = { sqs: process.env.AWS_ENDPOINT_URL_SQS ?? '', dynamodb: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '' };
  const relay = new RelayPump(faults, direct.dynamodb);
  const queueLink = await FaultyLink.start(direct.sqs, { rewriteOrigin: true });
  const throttle = new WireThrottle(options.throttleRate, options.seed);
  // Without throttling, the handlers talk to DynamoDB Local directly: a hop that does nothing only slows the run.
  const tableLink = options.throttleRate > 0 ? await FaultyLink.start(direct.dynamodb, { interfere: throttle.interfere }) : undefined;
  process.env.AWS_ENDPOINT_URL_SQS = queueLink.url();
  if (tableLink) process.env.AWS_ENDPOINT_URL_DYNAMODB = tableLink.url();
  try {
    const accounts = await chaosAccounts(options.accounts, options.roots, endpoint.url());
    const onHand = onHandFor(options.orders, accounts.length);
    if (options.orders > 0) await Promise.all(accounts.map((account) => stockShop(account, onHand)));
    const restocks = new Restocks(accounts, progress, onHand);
    if (options.orders > 0 && options.recounts > 0) await restocks.open();
    const statusWaves = eventWaves(accounts, options.events);
    const waves = mergeWaves(statusWaves, orderWaves(accounts, options.orders, statusWaves.length, options.seed));
    const planned = waves.reduce((sum, wave) => sum + wave.length, 0);
    const setupMs = Date.now() - started;
    // Only once set up: a commit failing in the setup would stop the run before it began.
    restore = failingCommits(faults);
    throttle.on = true;
    await relay.start();
    // The first read takes each stream's place: from here on, every commit's records reach the relay.
    await relay.round();
    const pump = new EventsPump(faults);
    let postingMs = 0;
    const posting: PostingCounts = { refusedThenAccepted: 0, refusals: 0 };
    const recountWaves = spread(options.recounts, waves.length);
    const plan = { width: options.posting, outages: options.outages, outageMs: options.outageMs, queueLink, onWave: (w: number) => recountWaves.has(w) && restocks.recount() };
    const [accepted] = await Promise.all([
      postWaves(waves, plan, progress, posting)
        .then(async (taken) => {
          await restocks.done();
          return taken;
        })
        .finally(() => {
          progress.posting = false;
          postingMs = Date.now() - started - setupMs;
        }),
      // One events consumer, as the handler's batch processor is one per container: two batches at once would share its state.
      // An outage is not a quiet queue: the run is not settled while the queue is down.
      loop(progress, async () => (await pump.round()) > 0 || queueLink.down),
      loop(progress, () => relay.round()),
      loop(progress, async () => (await deliverDueWebhooks()) > 0),
      // The schedule's sweep, as its rule runs it every minute on AWS; here every SWEEP_IDLE_MS when it found nothing.
      loop(progress, async () => ((await sweepScheduledEvents({}, lambdaContext('sweepScheduledEvents', 60_000))) as { released: number }).released > 0, SWEEP_IDLE_MS),
    ]);
    restore();
    throttle.on = false;
    const deadLettered = await deadLetteredEvents(Date.now() + 30_000);
    const requests = endpoint.requests();
    const scans = await scanAccounts(accounts);
    const checked = checkInvariants(scans, { accepted: new Set(accepted.keys()), deadLettered, webhooks: requests, relayGaveUp: relay.givenUp.length });
    const verdicts = [
      {
        name: 'run settled before its deadline',
        holds: progress.settled && accepted.size === planned,
        detail: `${accepted.size} of ${planned} events accepted, settled: ${progress.settled}`,
      },
      ...checked.verdicts,
      {
        name: 'every inventory batch complete',
        holds: restocks.counts.unfinished.length === 0 && restocks.counts.complete === restocks.counts.batches,
        detail: restocks.counts.unfinished.length
          ? `${restocks.counts.unfinished.length} of ${restocks.counts.batches} batches: ${restocks.counts.unfinished.slice(0, 3).join('; ')}`
          : `${restocks.counts.complete} batches, ${restocks.counts.applied} counts applied`,
      },
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
      posting,
      outage: { refused: queueLink.refused, roundsFailed: progress.roundsFailed },
      throttled: throttle.throttled,
      restocks: { ...restocks.counts },
      onHand,
      stockOrders: tallyStockOrders(scans),
      webhookRequests: requests.length,
      deadLettered: deadLettered.size,
      setupMs,
      postingMs,
      elapsedMs: Date.now() - started,
      verdicts,
    };
  } finally {
    restore();
    relay.stop();
    await endpoint.close();
    process.env.AWS_ENDPOINT_URL_SQS = direct.sqs;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = direct.dynamodb;
    await Promise.all([queueLink.close(), tableLink?.close()]);
  }
};
