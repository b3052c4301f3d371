import { createHash } from 'node:crypto';
import { seededRandom } from '../../scripts/seeded-random';
import type { Interference } from './faulty-link';

/** What DynamoDB answers a request over its table's throughput, as the SDK reads it (and retries it by itself). */
const THROTTLED: Interference = {
  status: 400,
  body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'injected' }),
};

/** The chance that the SDK's retry of a request throttled before is throttled again: a hot key stays hot a while. */
const STAYS_HOT = 0.5;

/**
 * Throttling at the wire, for the FaultyLink in front of DynamoDB Local: a share of the requests is answered
 * ProvisionedThroughputExceededException instead of reaching the emulator (nothing written). The SDK retries those
 * itself (three tries in all); a retry of a request already throttled (same body) is throttled again half the time,
 * so some calls fail through to the handler, as they do when a partition is hot. Off until `on` is set.
 */
export class WireThrottle {
  on = false;
  /** Requests answered throttled, retries included. */
  throttled = 0;
  private readonly draw: () => number;
  private readonly hot = new Set<string>();

  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.draw = seededRandom(seed);
  }

  readonly interfere = (body: Buffer): Interference | undefined => {
    if (!this.on) return undefined;
    const key = createHash('sha1').update(body).digest('hex');
    const hit = this.draw() < (this.hot.has(key) ? STAYS_HOT : this.rate);
    if (!hit) {
      this.hot.delete(key);
      return undefined;
    }
    this.hot.add(key);
    this.throttled++;
    return THROTTLED;
  };
}
