import { invoke } from '../test/support/api-gateway-event';
import type { BenchEnvironment } from './bench-environment';
import { median, percentile, type BenchResult } from './report';

/**
 * What the per-account rate limit adds to a request: GET /v1/account in-process on DynamoDB Local,
 * alternating between the route as deployed (one conditional UpdateItem for the count) and the
 * same route without the limiter, so both see the same machine load.
 */
export const rateLimitCost = async ({ newAccount }: BenchEnvironment, requests = 300): Promise<BenchResult[]> => {
  const { handler: getAccount } = await import('../functions/accounts/get-account');
  const { authentication } = await import('../shared/composition/authentication');
  const apiKey = await newAccount('bench-rate');
  const unlimited = getAccount.with({ authentication: { ...authentication(), admit: undefined } });
  const call = async (route: typeof getAccount | typeof unlimited) => {
    const started = process.hrtime.bigint();
    const response = await invoke(route, { method: 'GET', resource: '/v1/account', apiKey });
    if (response.status !== 200) throw new Error(`GET /v1/account came back ${response.raw}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  await call(getAccount);
  await call(unlimited);
  const limited: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < requests; i++) {
    limited.push(await call(getAccount));
    free.push(await call(unlimited));
  }
  return [
    {
      name: 'Rate limit check added to a request (GET /v1/account, DynamoDB Local), p50',
      value: Number((median(limited) - median(free)).toFixed(2)),
      unit: 'ms',
      detail: {
        withLimit: { p50: median(limited), p99: percentile(limited, 99) },
        withoutLimit: { p50: median(free), p99: percentile(free, 99) },
        requests,
      },
    },
  ];
};
