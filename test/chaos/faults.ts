import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import type { UnitOfWork } from '../../shared/engine/engine-model';
import { seededRandom } from '../../scripts/seeded-random';

/** How often each fault happens, each a probability from 0 to 1. */
export interface FaultRates {
  /** A message delivered a second time (sent again to the queue). */
  duplicate: number;
  /** The worker stops after the rules ran, before the commit (the commit throws, as a throttled DynamoDB would). */
  beforeCommit: number;
  /** The worker stops after the commit, before the queue ack (the message is not deleted and comes back). */
  afterCommit: number;
  /** A second worker handles the same batch at the same time, so the two commits race on their conditions. */
  race: number;
  /** The relay dies after it delivered an outbox record's messages, before it removed the record. */
  afterDelivery: number;
}

export const DEFAULT_RATES: FaultRates = { duplicate: 0.1, beforeCommit: 0.05, afterCommit: 0.05, race: 0.05, afterDelivery: 0.05 };

export type FaultName = keyof FaultRates;

/**
 * The faults of one run: a seeded draw for each (the same seed, the same draws), and how many of each happened.
 * With `atLeastOnce`, the first chance of each kind strikes whatever the draw: a short run cannot miss a kind by
 * chance, and a test may count on every kind having happened; the draws after it are the seeded ones.
 */
export class FaultPlan {
  readonly counts: Record<FaultName, number> = { duplicate: 0, beforeCommit: 0, afterCommit: 0, race: 0, afterDelivery: 0 };
  private readonly draw: () => number;
  private readonly drawn = new Set<FaultName>();

  constructor(
    private readonly rates: FaultRates,
    seed: number,
    private readonly atLeastOnce = false,
  ) {
    this.draw = seededRandom(seed);
  }

  /** Whether the fault happens this time; counted when it does. */
  strikes(fault: FaultName): boolean {
    const first = !this.drawn.has(fault);
    this.drawn.add(fault);
    // The draw is made either way, so the seeded sequence after a forced first strike is the one without it.
    const hit = this.draw() < this.rates[fault] || (this.atLeastOnce && first && this.rates[fault] > 0);
    if (hit) this.counts[fault]++;
    return hit;
  }
}

/**
 * Makes commits fail at random, before anything is written, with the error a throttled DynamoDB gives: the
 * execution's rules ran, its commit never happened. Returns the undo.
 */
export const failingCommits = (plan: FaultPlan): (() => void) => {
  const commit = DynamoEngineStore.prototype.commit;
  DynamoEngineStore.prototype.commit = function (this: DynamoEngineStore, uow: UnitOfWork) {
    if (plan.strikes('beforeCommit')) return Promise.reject(new ProvisionedThroughputExceededException({ message: 'Throughput exceeded (injected)', $metadata: {} }));
    return commit.call(this, uow);
  };
  return () => {
    DynamoEngineStore.prototype.commit = commit;
  };
};
