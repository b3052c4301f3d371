import { accountTableName } from '../domain/accounts/account-table';
import { settings } from './settings';

type Build<T, O> = (owner: O) => T;

/**
 * Parts built once and kept: each part is built by its build function on first use, and the
 * function itself is the key, so a part module needs no registration and a bundle holds only
 * the parts its function reaches.
 */
class Parts<O> {
  private readonly built = new Map<Build<unknown, O>, unknown>();
  constructor(private readonly owner: () => O) {}

  part<T>(build: Build<T, O>): T {
    if (!this.built.has(build)) this.built.set(build, build(this.owner()));
    return this.built.get(build) as T;
  }
}

/** One account, as the composition sees it: its id, its own table, and the parts built for it. */
export interface AccountContext {
  readonly accountId: string;
  readonly tableName: string;
  part<T>(build: (account: AccountContext) => T): T;
}

const accounts = new Map<string, AccountContext>();

/**
 * The one memo per account per container: every store, cache and queue of an account is a part
 * of its context. Callers pass the accountId of an authenticated principal, of a registered event
 * source, or of a message only Ordo itself enqueues, never one read from a request.
 */
export const accountContext = (accountId: string): AccountContext => {
  let account = accounts.get(accountId);
  if (!account) {
    const parts = new Parts<AccountContext>(() => context);
    const context: AccountContext = {
      accountId,
      tableName: accountTableName(settings().stage, accountId),
      part: (build) => parts.part(build),
    };
    account = context;
    accounts.set(accountId, account);
  }
  return account;
};

const container = new Parts<void>(() => undefined);

/** A part shared by every account of the container (clients, the control plane, keys). */
export const containerPart = <T>(build: () => T): T => container.part(build);
