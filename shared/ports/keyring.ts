/** Makes and opens account data keys under a master key (KMS in AWS, a local key otherwise). */
export interface Keyring {
  /** A new 256-bit data key, in plain and wrapped (encrypted under the master key) form. */
  generateDataKey(accountId: string): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(accountId: string, wrapped: string): Promise<Buffer>;
}

/** The plain data key of an account, for sealing its customers' data. */
export interface DataKeys {
  dataKeyFor(accountId: string): Promise<Buffer>;
}
