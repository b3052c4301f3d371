import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { TransactionTooLargeError } from '../../../shared/adapters/dynamodb/dynamo-engine-store';
import {
  AccountSuspendedError,
  AmbiguousRefError,
  ConflictError,
  EventStillPendingError,
  ForbiddenError,
  NotFoundError,
  OrderNotAcceptedError,
  PayloadTooLargeError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
} from '../../../shared/domain/domain-errors';
import { EventFailedError } from '../../../shared/domain/orchestration/queued-event';
import { RetailerNotFoundError } from '../../../shared/domain/retailers/retailer-gate';
import {
  DuplicateEventError,
  HopLimitError,
  InsufficientStockError,
  InvalidWorkflowError,
  LoopGuardError,
  RuleFailedError,
  VersionConflictError,
  WorkflowNotFoundError,
} from '../../../shared/engine/engine-errors';
import type { OrdoError } from '../../../shared/engine/ordo-error';
import { STATUS_OF_CODE } from '../../../shared/http/error-statuses';
import { responses } from '../../../shared/http/response-middleware';
import { MethodNotAllowedError, RouteNotFoundError } from '../../../shared/http/route-errors';
import { logger } from '../../../shared/runtime/logger';
import { apiGatewayEvent, jsonBody, lambdaContext } from '../../support/lambda';

/** Every error class there is, and the status each answered when it carried its own. */
const ANSWERS: [string, number, OrdoError][] = [
  ['ValidationError', 400, new ValidationError('name is required', 'name')],
  ['InvalidWorkflowError', 400, new InvalidWorkflowError([{ path: 'rulesets', message: 'There is no CREATE ruleset' }])],
  ['UnauthenticatedError', 401, new UnauthenticatedError()],
  ['ForbiddenError', 403, new ForbiddenError('Role READONLY lacks the API_KEY_CREATE permission')],
  ['AccountSuspendedError', 403, new AccountSuspendedError()],
  ['NotFoundError', 404, new NotFoundError('No order O-1 in this account')],
  ['WorkflowNotFoundError', 404, new WorkflowNotFoundError({ retailerId: 'R1', entityType: 'ORDER', subtype: 'HD' })],
  ['RouteNotFoundError', 404, new RouteNotFoundError('GET', '/v1/nowhere')],
  ['MethodNotAllowedError', 405, new MethodNotAllowedError('DELETE', '/v1/orders')],
  ['ConflictError', 409, new ConflictError('Account acme already exists', 'accountId')],
  ['AmbiguousRefError', 409, new AmbiguousRefError('Order O-1 is held by 2 retailers')],
  ['VersionConflictError', 409, new VersionConflictError('ORDER O-1 changed during the execution')],
  ['InsufficientStockError', 409, new InsufficientStockError('SKU-1', 'LOC-1')],
  ['DuplicateEventError', 409, new DuplicateEventError('evt-1')],
  ['EventStillPendingError', 409, new EventStillPendingError('evt-1', 15)],
  ['PayloadTooLargeError', 413, new PayloadTooLargeError('The request body is larger than 10 bytes')],
  ['RuleFailedError', 422, new RuleFailedError('the carrier is down')],
  ['LoopGuardError', 422, new LoopGuardError(200, 'PING')],
  ['HopLimitError', 422, new HopLimitError(20, 21)],
  ['TransactionTooLargeError', 422, new TransactionTooLargeError(120)],
  ['OrderNotAcceptedError', 422, new OrderNotAcceptedError('RULE_FAILED', 'the carrier is down')],
  ['RetailerNotFoundError', 422, new RetailerNotFoundError('nowhere')],
  ['RateLimitedError', 429, new RateLimitedError(100, 1)],
  ['EventFailedError', 500, new EventFailedError('evt-1', 'the carrier is down')],
  ['ServiceUnavailableError', 503, new ServiceUnavailableError('The inventory queue is unavailable')],
];

/** Kinds whose code is chosen elsewhere: the kind answers, whatever the code says. */
const BORROWED_CODES: [string, number, OrdoError][] = [
  ["a custom rule's RuleFailedError", 422, new RuleFailedError('no courier today', 'CARRIER_DOWN')],
  ['a RuleFailedError whose custom code is also a known one', 422, new RuleFailedError('no such parcel', 'NOT_FOUND')],
  ['an OrderNotAcceptedError for a missing workflow', 422, new OrderNotAcceptedError('WORKFLOW_NOT_FOUND', 'Retailer R1 has no ORDER/HD workflow')],
  ["an OrderNotAcceptedError with a custom rule's code", 422, new OrderNotAcceptedError('CARRIER_DOWN', 'no courier today')],
  ['an OrderNotAcceptedError for a tripped loop guard', 422, new OrderNotAcceptedError('LOOP_GUARD', 'Loop guard tripped')],
];

const answerTo = (error: OrdoError) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(responses())
    .handler(async () => {
      throw error;
    })(apiGatewayEvent({ requestId: 'req-status-1' }), lambdaContext());

describe('the status of each error', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it.each(ANSWERS)('answers %s with status %i and its own code', async (_name, status, error) => {
    // Act
    const response = await answerTo(error);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(jsonBody(response)).toMatchObject({ error: { code: error.code, message: error.message }, requestId: 'req-status-1' });
  });

  it.each(BORROWED_CODES)('answers %s with status %i, keeping its code', async (_name, status, error) => {
    // Act
    const response = await answerTo(error);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(jsonBody(response)).toMatchObject({ error: { code: error.code } });
  });

  it('maps no code that no error carries', () => {
    // Prepare
    const carried = new Set(ANSWERS.map(([, , error]) => error.code));

    // Act
    const unused = Object.keys(STATUS_OF_CODE).filter((code) => !carried.has(code));

    // Assess
    expect(unused).toEqual([]);
  });
});
