import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { loadSettings } from '../../shared/composition/settings';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import { scanTable } from '../integration/control-plane-api';
import type { AccountScan } from './invariants';
import type { ChaosAccount } from './workload';

/** Every item of each account's table, from a consistent raw Scan, unmarshalled. */
export const scanAccounts = (accounts: ChaosAccount[]): Promise<AccountScan[]> =>
  Promise.all(
    accounts.map(async (account) => ({
      account,
      items: (await scanTable(accountTableName(loadSettings().stage, account.accountId))).map((item) => unmarshall(item as Record<string, AttributeValue>)),
    })),
  );
