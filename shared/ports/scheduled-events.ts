import type { ScheduledEventRecord } from '../engine/engine-model';

/** Events parked until their due time, per account. */
export interface ScheduledEvents {
  /** Due at or before `now`, oldest first. */
  due(now: string, limit: number): Promise<ScheduledEventRecord[]>;
  remove(records: ScheduledEventRecord[]): Promise<void>;
}
