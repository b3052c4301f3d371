/** Creates the isolated table that holds one account's data. */
export interface AccountTableProvisioner {
  /** Idempotent: an existing table is left as it is. Resolves once the table can be used. */
  provision(tableName: string): Promise<void>;
}
