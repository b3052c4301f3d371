import type { Permission } from './roles';

/** Who is calling, established from the API key alone. */
export interface AccountPrincipal {
  kind: 'account';
  accountId: string;
  keyId: string;
  /** A built-in role or one of the account's custom roles. */
  role: string;
  /** What the role grants at the time of the request; permission checks read this, never the role's name. */
  permissions: ReadonlySet<Permission>;
  retailerId?: string;
  /** Derived from accountId by accountTableName; the only table this request may touch. */
  tableName: string;
}

/** The platform operator, who creates accounts. Holds no account of its own. */
export interface OperatorPrincipal {
  kind: 'operator';
}

export type Principal = AccountPrincipal | OperatorPrincipal;
