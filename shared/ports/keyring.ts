/** Makes and opens account data keys under a master key (KMS in AWS, a local key otherwise). */
export interface Keyring {
  /** A new 256-bit data key, in plain and wrapped (encrypted under the master key) form. */
  generateDataKey(accountId: string): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(accountId: string, wrapped: string): Promise<Buffer>;
}

/** A plain data key and its id, which every value sealed with it carries. */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

/** The plain data keys of an account, for sealing and opening its customers' data. */
export interface DataKeys {
  /** The key new values are sealed with; the account's first key is made on first use. */
  currentKey(accountId: string): Promise<DataKey>;
  /** A key by its id, for opening values sealed with it; undefined when the account has no such key. */
  keyById(accountId: string, keyId: string): Promise<Buffer | undefined>;
  /** Starts a new key for new values; every older key stays, so older values stay readable. */
  rotate(accountId: string): Promise<{ keyId: string; createdOn: string }>;
}
