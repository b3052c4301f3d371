import type { Role } from './roles';

/** Who is calling, established from the API key alone. */
export interface AccountPrincipal {
  kind: 'account';
  accountId: string;
  keyId: string;
  role: Role;
  retailerId?: string;
  /** Derived from accountId by accountTableName; the only table this request may touch. */
  tableName: string;
}

/** The platform operator, who creates accounts. Holds no account of its own. */
export interface OperatorPrincipal {
  kind: 'operator';
}

export type Principal = AccountPrincipal | OperatorPrincipal;
