import type { Clock } from '../../shared/ports/clock';

/** A clock that only moves when the test says so: put it at a time, or move it on. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2025-01-01T10:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
