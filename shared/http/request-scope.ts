import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { withLogContext } from '../runtime/log-context';

/** A caller's own id is taken only as a plain token: it lands in every log line and goes on to queues and outbox records. */
const SANE_CORRELATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const headerOf = (event: APIGatewayProxyEvent, name: string): string | undefined =>
  Object.entries(event.headers ?? {}).find(([header]) => header.toLowerCase() === name)?.[1];

/** The caller's `x-correlation-id` when it is a sane token, else API Gateway's request id. */
export const correlationIdOf = (event: APIGatewayProxyEvent): string => {
  const given = headerOf(event, 'x-correlation-id')?.trim();
  if (given && SANE_CORRELATION_ID.test(given)) return given;
  return event.requestContext?.requestId ?? randomUUID();
};

type Route = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * Runs a request with its correlation id and request id on every line it logs, and everything it
 * hands on (queued events, outbox records) carries the same correlation id; the answer names it in
 * `x-correlation-id`, so a caller can quote one id for the whole chain.
 */
export const inRequestScope =
  (route: Route): Route =>
  async (event, context) => {
    const correlationId = correlationIdOf(event);
    const response = await withLogContext({ correlationId, requestId: event.requestContext?.requestId }, () => route(event, context));
    return { ...response, headers: { ...response.headers, 'x-correlation-id': correlationId } };
  };
