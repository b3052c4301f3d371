import { CachedAccountRateLimits } from '../adapters/cache/cached-account-rate-limits';
import { DynamoRequestCounter } from '../adapters/dynamodb/dynamo-request-counter';
import { systemClock } from '../adapters/clock/system-clock';
import { admitRequest, type RequestAdmission } from '../domain/accounts/request-rate';
import { logger } from '../runtime/logger';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const logCounterFailure = (error: unknown, accountId: string) =>
  logger.warn('rate limit not checked; the request goes on', {
    accountId,
    errorName: (error as Error)?.name,
    errorMessage: (error as Error)?.message,
  });

const buildAdmission = (): RequestAdmission => {
  const deps = {
    counter: new DynamoRequestCounter(documentClient(), settings().controlTableName),
    limits: new CachedAccountRateLimits(controlPlane(), systemClock),
    clock: systemClock,
    defaultLimit: settings().rateLimitPerSecond,
    onCounterFailure: logCounterFailure,
  };
  return (principal) => admitRequest(principal.accountId, deps);
};

/** Each account's requests per second, counted in the control-plane table, for every account route. */
export const requestAdmission = (): RequestAdmission => containerPart(buildAdmission);
