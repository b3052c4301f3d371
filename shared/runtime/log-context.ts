import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of a unit of work carries: who it is for and what it belongs to. Never secrets or customer data. */
export interface LogContext {
  correlationId?: string;
  requestId?: string;
  accountId?: string;
  retailerId?: string;
  keyId?: string;
  eventId?: string;
}

// A scope per unit of work (a request, a queue record, a relayed change), not per container: a batch
// processor runs its records at once, and each record's lines must name that record's account and chain.
const scopes = new AsyncLocalStorage<LogContext>();

const defined = (context: LogContext): LogContext =>
  Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== '')) as LogContext;

/** Runs `work` with `context` added to the enclosing scope's, on every line logged until it settles. */
export const withLogContext = <T>(context: LogContext, work: () => Promise<T>): Promise<T> =>
  scopes.run({ ...scopes.getStore(), ...defined(context) }, work);

/** Adds to the current scope what is learnt on the way (the caller, once authenticated); outside any scope, nothing. */
export const addToLogContext = (context: LogContext): void => {
  const scope = scopes.getStore();
  if (scope) Object.assign(scope, defined(context));
};

/** The current scope's keys, for the log formatter and for what hands work on (queue messages, outbox records). */
export const currentLogContext = (): LogContext => ({ ...scopes.getStore() });

/** The chain the current work belongs to, from the HTTP request that started it. */
export const currentCorrelationId = (): string | undefined => scopes.getStore()?.correlationId;
