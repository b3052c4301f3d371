import { api, unwrap } from '../api/client';
import type { Account } from '../session';
import { useLoad } from './load';

/**
 * The retailers a form may offer: the key's own when it is scoped, else those the account has
 * workflows for (the API keeps no list of retailers).
 */
export const useRetailers = (account: Account): string[] =>
  useLoad(
    () =>
      account.retailerId
        ? Promise.resolve([account.retailerId])
        : unwrap(api.GET('/v1/workflows')).then((answer) => [...new Set(answer.items.map((item) => item.retailerId))]),
    [account.retailerId],
  ).data ?? [];
