import { SmokeCheckFailure } from './smoke-check';

/**
 * How to prove a new version works without changing anything: an event of the kind the function gets, and what it
 * must answer. By the function's name within the stage; any function not listed is an HTTP route.
 */
export interface FunctionProbe {
  kind: 'health' | 'route' | 'fallback' | 'records' | 'bus' | 'schedule';
  event: unknown;
  /** Throws a SmokeCheckFailure when the answer is not what a working version gives. */
  check(payload: unknown): string;
}

const RECORD_CONSUMERS = new Set(['processQueuedEvents', 'processInventoryChunks', 'deliverWebhooks', 'relayOutbox']);
// Their tick is the work they do every few minutes anyway, and the alias would give the new version a tenth of them
// during the shift without any check.
const SCHEDULED = new Set(['sweepScheduledEvents', 'importInventoryFiles']);

const apiEvent = (path: string, resource = path) => ({
  httpMethod: 'GET',
  path,
  resource,
  headers: {},
  multiValueHeaders: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  body: null,
  isBase64Encoded: false,
  requestContext: { requestId: `pre-traffic-probe` },
});

interface ApiAnswer {
  statusCode?: number;
  body?: string;
}

const answered = (payload: unknown, status: number, code?: string): string => {
  const answer = (payload ?? {}) as ApiAnswer;
  if (answer.statusCode !== status) throw new SmokeCheckFailure(`answered ${String(answer.statusCode)}, expected ${status}`);
  let body: { error?: { code?: string }; status?: string } = {};
  try {
    body = JSON.parse(answer.body ?? '{}');
  } catch {
    throw new SmokeCheckFailure(`answered ${status} with a body that is not JSON`);
  }
  if (code && body.error?.code !== code) throw new SmokeCheckFailure(`answered ${status} without the ${code} problem body`);
  if (!code && body.status !== 'ok') throw new SmokeCheckFailure(`answered status ${String(body.status)}`);
  return `answered ${status}${code ? ` ${code}` : ' ok'}`;
};

const noFailedRecords = (payload: unknown): string => {
  const failures = (payload as { batchItemFailures?: unknown } | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length > 0) throw new SmokeCheckFailure(`answered ${JSON.stringify(payload)}, expected no batchItemFailures`);
  return 'answered an empty batch with no failures';
};

/** The probe for `name`, a function of the service (`health`, `processQueuedEvents`, …) on `stage`. */
export const probeFor = (name: string, stage: string): FunctionProbe => {
  if (name === 'health') return { kind: 'health', event: apiEvent('/v1/health'), check: (payload) => answered(payload, 200) };
  if (name === 'routeFallback') return { kind: 'fallback', event: apiEvent('/v1/pre-traffic-probe', '/{proxy+}'), check: (payload) => answered(payload, 404, 'ROUTE_NOT_FOUND') };
  if (RECORD_CONSUMERS.has(name)) return { kind: 'records', event: { Records: [] }, check: noFailedRecords };
  if (name === 'ingestBusEvent') {
    // Ordo's own source: the handler drops it before reading anything.
    const event = { source: `ordo.${stage}`, 'detail-type': 'ordo.event', account: '000000000000', detail: {} };
    return {
      kind: 'bus',
      event,
      check: (payload) => {
        const reason = (payload as { reason?: string } | undefined)?.reason;
        if (reason !== 'OWN_SOURCE') throw new SmokeCheckFailure(`answered ${JSON.stringify(payload)}, expected the event dropped as OWN_SOURCE`);
        return 'dropped its own event';
      },
    };
  }
  if (SCHEDULED.has(name)) return { kind: 'schedule', event: { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }, check: () => 'ran one tick' };
  // An HTTP route without a key: the bundle loads and the pipeline answers with a problem body.
  return { kind: 'route', event: apiEvent('/v1/pre-traffic-probe'), check: (payload) => answered(payload, 401, 'UNAUTHENTICATED') };
};
