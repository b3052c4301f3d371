import type { Clock } from '../../shared/ports/clock';

/** A clock that stays where it is put. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = to;
  }
}
