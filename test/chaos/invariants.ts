import { SCHEDULED_PARTITION } from '../../shared/adapters/dynamodb/engine-items';
import type { DeadLetters } from './dead-letters';
import type { WebhookHit } from './webhook-endpoint';
import { DERIVED_EVENTS, type ChaosAccount } from './workload';

/** One invariant's verdict, with what broke it (a few examples) when it did. */
export interface Verdict {
  name: string;
  holds: boolean;
  detail: string;
}

/** What the run knows besides the tables: the events the API accepted and those the DLQ holds (stuck, re-drivable). */
export interface RunFacts {
  accepted: ReadonlySet<string>;
  deadLettered: DeadLetters;
  /** What the webhook endpoint received and answered. */
  webhooks: WebhookHit[];
  /** Stream batches the relay gave up on (sent to the outbox DLQ). */
  relayGaveUp: number;
}

type Item = Record<string, unknown>;

/** An account's table as a raw Scan read it, unmarshalled. */
export interface AccountScan {
  account: Pick<ChaosAccount, 'accountId' | 'roots'>;
  items: Item[];
}

const sk = (item: Item) => String(item.SK ?? '');
const pk = (item: Item) => String(item.PK ?? '');
const isEventRecord = (item: Item) => pk(item).startsWith('EVENT#') && sk(item) === 'EVENT';
const isAudit = (item: Item) => pk(item).startsWith('EVENT#') && sk(item).startsWith('AUDIT#');
const isOrder = (item: Item) => pk(item).startsWith('ROOT#') && sk(item).startsWith('ENTITY#ORDER#');
const eventIdOf = (item: Item) => String((item.event as { id?: string } | undefined)?.id ?? '');
const eventNameOf = (item: Item) => String((item.event as { name?: string } | undefined)?.name ?? '');
const isDerived = (item: Item) => eventNameOf(item) in DERIVED_EVENTS;

const verdict = (name: string, broken: string[], total: number, unit: string): Verdict => ({
  name,
  holds: broken.length === 0,
  detail: broken.length ? `${broken.length} of ${total} ${unit}: ${broken.slice(0, 3).join('; ')}` : `${total} ${unit}`,
});

const countBy = <T>(values: T[], key: (value: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
};

/** Each order's version is the number of its status events that succeeded: every success moved it once, none twice. */
const appliedOnce = (scans: AccountScan[]): Verdict => {
  const broken: string[] = [];
  let roots = 0;
  for (const { account, items } of scans) {
    const successes = countBy(
      items.filter((item) => isEventRecord(item) && item.outcome === 'SUCCESS' && !isDerived(item)),
      (item) => String(item.rootRef),
    );
    const orders = new Map(items.filter(isOrder).map((item) => [String(item.ref), item]));
    for (const ref of account.roots) {
      roots++;
      const version = Number(orders.get(ref)?.version ?? 0);
      const applied = successes.get(ref) ?? 0;
      if (version !== applied) broken.push(`${ref} at version ${version} after ${applied} successful events`);
    }
  }
  return verdict('every event applied exactly once (versions)', broken, roots, 'orders');
};

/**
 * The audit trails agree: an order's status changes on record are one fewer than its version (CREATE writes
 * version 1 without one), and each successful event has one trail ending in SUCCESS, however often it was delivered.
 */
const auditAgrees = (scans: AccountScan[]): Verdict => {
  const broken: string[] = [];
  let roots = 0;
  for (const { account, items } of scans) {
    const audits = items.filter(isAudit);
    const changes = countBy(
      audits.filter((audit) => audit.kind === 'STATE_CHANGE'),
      (audit) => String(audit.rootRef),
    );
    const successTrails = countBy(
      audits.filter((audit) => audit.kind === 'OUTCOME' && audit.outcome === 'SUCCESS'),
      (audit) => String(audit.eventId),
    );
    const orders = new Map(items.filter(isOrder).map((item) => [String(item.ref), Number(item.version)]));
    for (const ref of account.roots) {
      roots++;
      const version = orders.get(ref) ?? 0;
      if ((changes.get(ref) ?? 0) !== Math.max(0, version - 1)) broken.push(`${ref}: ${changes.get(ref) ?? 0} status changes audited at version ${version}`);
    }
    for (const record of items.filter((item) => isEventRecord(item) && item.outcome === 'SUCCESS')) {
      const trails = successTrails.get(eventIdOf(record)) ?? 0;
      if (trails !== 1) broken.push(`${eventIdOf(record)}: ${trails} successful trails`);
    }
  }
  return verdict('audit trails agree with versions', broken, roots, 'orders');
};

/**
 * The events the workflow sends itself arrived once each, and ran to an outcome: as many PING records as UNBOOKs
 * applied (sent to another root through the outbox), as many TICKs as BOOKs applied (scheduled, then released). One
 * in the events DLQ arrived too, stuck and re-drivable, as an accepted event there is: it may have no record yet when
 * every delivery failed before its commit.
 */
const derivedOnce = (scans: AccountScan[], facts: RunFacts): Verdict => {
  const broken: string[] = [];
  let derived = 0;
  for (const { account, items } of scans) {
    const records = items.filter(isEventRecord);
    for (const [name, cause] of Object.entries(DERIVED_EVENTS)) {
      const sent = records.filter((item) => eventNameOf(item) === name);
      const stuck = [...facts.deadLettered].filter(([, letter]) => letter.accountId === account.accountId && letter.name === name).map(([id]) => id);
      const arrived = new Set([...sent.map(eventIdOf), ...stuck]).size;
      const causes = records.filter((item) => eventNameOf(item) === cause && item.outcome === 'SUCCESS').length;
      derived += arrived;
      if (arrived !== causes) broken.push(`${account.accountId}: ${arrived} ${name} for ${causes} ${cause}`);
      const unsettled = sent.filter((item) => item.outcome !== 'SUCCESS' && item.outcome !== 'NO_MATCH' && !facts.deadLettered.has(eventIdOf(item)));
      if (unsettled.length) broken.push(`${account.accountId}: ${unsettled.length} ${name} ${String(unsettled[0].outcome)}`);
    }
  }
  return verdict('sent and scheduled events arrived once', broken, derived, 'events');
};

/** Every accepted event ended SUCCESS or NO_MATCH, FAILED with a reason, or waits in the DLQ to be re-driven. */
const noneLost = (scans: AccountScan[], facts: RunFacts): Verdict => {
  const records = new Map<string, Item>();
  for (const { items } of scans) for (const item of items.filter(isEventRecord)) records.set(eventIdOf(item), item);
  const broken: string[] = [];
  for (const id of facts.accepted) {
    const record = records.get(id);
    const outcome = String(record?.outcome ?? 'none');
    const settled = outcome === 'SUCCESS' || outcome === 'NO_MATCH' || (outcome === 'FAILED' && Boolean(record?.error));
    if (!settled && !facts.deadLettered.has(id)) broken.push(`${id} ${outcome}`);
  }
  return verdict('no accepted event lost', broken, facts.accepted.size, 'events');
};

/** Every outbox record was relayed and removed, and the relay gave up on no batch. */
const outboxEmpty = (scans: AccountScan[], facts: RunFacts): Verdict => {
  const left = scans.flatMap(({ items }) => items.filter((item) => sk(item).startsWith('OUTBOX#')).map((item) => `${pk(item)} ${sk(item)}`));
  if (facts.relayGaveUp) left.push(`${facts.relayGaveUp} stream batches given up`);
  return verdict('outbox empty', left, scans.length, 'account tables');
};

/**
 * Every scheduled event was released and its record removed (the workflow schedules nothing past the run): a sweep that leaves a record releases it again at every sweep, which the
 * engine folds as a duplicate, so only this names the leak before the run's deadline.
 */
const noScheduledLeft = (scans: AccountScan[]): Verdict => {
  const left = scans.flatMap(({ account, items }) => items.filter((item) => pk(item) === SCHEDULED_PARTITION).map((item) => `${account.accountId} ${SCHEDULED_PARTITION} ${sk(item)}`));
  return verdict('no scheduled event left', left, scans.length, 'account tables');
};

/**
 * Each successful BOOK sent one webhook message: the endpoint accepted every message at least once, a message sent
 * again came under the same `webhook-id` with the same body, and no message came that no BOOK sent.
 */
const webhooksDelivered = (scans: AccountScan[], facts: RunFacts): Verdict => {
  const books = scans.reduce((sum, { items }) => sum + items.filter((item) => isEventRecord(item) && item.outcome === 'SUCCESS' && (item.event as { name?: string }).name === 'BOOK').length, 0);
  const byId = new Map<string, WebhookHit[]>();
  for (const hit of facts.webhooks) byId.set(hit.webhookId, [...(byId.get(hit.webhookId) ?? []), hit]);
  const broken: string[] = [];
  if (byId.size !== books) broken.push(`${byId.size} webhook-ids for ${books} successful BOOKs`);
  for (const [id, hits] of byId) {
    if (!id) broken.push(`${hits.length} requests without a webhook-id`);
    if (!hits.some((hit) => hit.status < 300)) broken.push(`${id} never accepted (${hits.length} tries)`);
    if (new Set(hits.map((hit) => hit.body)).size > 1) broken.push(`${id} sent with different bodies`);
  }
  const again = facts.webhooks.length - byId.size;
  return { ...verdict('every webhook delivered, once per message id', broken, books, 'messages'), ...(broken.length ? {} : { detail: `${books} messages, ${again} sent again under their id` }) };
};

const positionKey = (item: Item) => `${String(item.skuRef)}@${String(item.locationRef)}`;

/** No position has more units reserved than it has on hand. */
const reservedWithinOnHand = (scans: AccountScan[]): Verdict => {
  const broken: string[] = [];
  let positions = 0;
  for (const { account, items } of scans) {
    const reserved = new Map(items.filter((item) => pk(item).startsWith('SKU#') && sk(item).startsWith('RES#')).map((item) => [positionKey(item), Number(item.reserved ?? 0)]));
    for (const count of items.filter((item) => pk(item).startsWith('SKU#') && sk(item).startsWith('LOC#'))) {
      positions++;
      const held = reserved.get(positionKey(count)) ?? 0;
      if (held > Number(count.onHand) || held < 0) broken.push(`${account.accountId} ${positionKey(count)}: ${held} reserved of ${String(count.onHand)} on hand`);
    }
  }
  return verdict('stock reserved ≤ on hand everywhere', broken, positions, 'positions');
};

/**
 * Each position's reserved units are exactly what the entities (fulfilments, whatever their status) hold of it, and
 * a cancelled entity holds nothing: a cancel that released nothing leaves both sides agreeing, so it is named apart.
 */
const reservationsHeld = (scans: AccountScan[]): Verdict => {
  const broken: string[] = [];
  let positions = 0;
  for (const { account, items } of scans) {
    const held = new Map<string, number>();
    for (const entity of items.filter((item) => pk(item).startsWith('ROOT#') && Array.isArray(item.reservations))) {
      for (const reservation of entity.reservations as Item[]) held.set(positionKey(reservation), (held.get(positionKey(reservation)) ?? 0) + Number(reservation.qty));
      const kept = (entity.reservations as Item[]).reduce((sum, reservation) => sum + Number(reservation.qty), 0);
      if (entity.status === 'CANCELLED' && kept > 0) broken.push(`${account.accountId} ${sk(entity)} CANCELLED and holds ${kept}`);
    }
    for (const item of items.filter((candidate) => pk(candidate).startsWith('SKU#') && sk(candidate).startsWith('RES#'))) {
      positions++;
      const reserved = Number(item.reserved ?? 0);
      const holding = held.get(positionKey(item)) ?? 0;
      if (reserved !== holding) broken.push(`${account.accountId} ${positionKey(item)}: ${reserved} reserved, ${holding} held`);
      held.delete(positionKey(item));
    }
    for (const [key, qty] of held) if (qty !== 0) broken.push(`${account.accountId} ${key}: ${qty} held without a reservation item`);
  }
  return verdict('reservations equal what fulfilments hold', broken, positions, 'positions');
};

/** No account's table holds anything naming another account's orders (each ref starts with its account's id). */
const noCrossAccountWrite = (scans: AccountScan[]): Verdict => {
  const broken: string[] = [];
  for (const { account, items } of scans) {
    const others = scans.map((scan) => scan.account.accountId).filter((id) => id !== account.accountId);
    for (const item of items) {
      const text = JSON.stringify(item);
      const foreign = others.find((id) => text.includes(`${id}.`));
      if (foreign) broken.push(`${account.accountId} holds ${pk(item)} of ${foreign}`);
    }
  }
  return verdict('no cross-account write', broken, scans.reduce((sum, scan) => sum + scan.items.length, 0), 'items');
};

/** How the accepted events ended, by outcome, as their records say. */
const outcomesOf = (scans: AccountScan[]): Record<string, number> => {
  const outcomes: Record<string, number> = {};
  for (const { items } of scans) for (const item of items.filter(isEventRecord)) outcomes[String(item.outcome)] = (outcomes[String(item.outcome)] ?? 0) + 1;
  return outcomes;
};

/** The invariants, checked on a raw Scan of every account table once the run has settled, and the events' outcomes. */
export const checkInvariants = (scans: AccountScan[], facts: RunFacts): { verdicts: Verdict[]; outcomes: Record<string, number> } => {
  const verdicts = [
    appliedOnce(scans),
    auditAgrees(scans),
    noneLost(scans, facts),
    derivedOnce(scans, facts),
    reservedWithinOnHand(scans),
    reservationsHeld(scans),
    outboxEmpty(scans, facts),
    noScheduledLeft(scans),
    webhooksDelivered(scans, facts),
    noCrossAccountWrite(scans),
  ];
  return { verdicts, outcomes: outcomesOf(scans) };
};
