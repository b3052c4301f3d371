import type { ControlPlaneStore } from '../../ports/control-plane-store';
import { accountTableName } from './account-table';

/**
 * The account that owns a table, for work that starts from the table rather than from a caller
 * (its change stream). The name alone proves nothing: the account must exist in the control
 * plane with exactly this table. Undefined for any other table.
 */
export const accountOfTable = async (
  tableName: string,
  deps: { stage: string; controlPlane: Pick<ControlPlaneStore, 'getAccount'> },
): Promise<string | undefined> => {
  const prefix = accountTableName(deps.stage, '');
  if (!tableName.startsWith(prefix) || tableName.length === prefix.length) return undefined;
  const account = await deps.controlPlane.getAccount(tableName.slice(prefix.length));
  return account?.tableName === tableName ? account.accountId : undefined;
};
