/** Where one piece of work happens, as far as its log lines go: every line it writes names what it is part of. */
export interface RunScope {
  /** One event's run: its lines name the event. */
  ofEvent<T>(eventId: string, run: () => Promise<T>): Promise<T>;
  /** The relaying of one committed change: its lines (and what it queues) continue the chain of the request that made it. */
  ofChange<T>(change: { correlationId?: string }, run: () => Promise<T>): Promise<T>;
}
