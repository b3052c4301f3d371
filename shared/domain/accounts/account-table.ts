/**
 * Kept apart from the account's schemas so that every function can name a table without
 * loading zod. The one place an account's table name is made. Callers pass the accountId of the
 * authenticated principal, never a value taken from the request.
 */
export const accountTableName = (stage: string, accountId: string): string => `ordo-${stage}-acct-${accountId}`;
