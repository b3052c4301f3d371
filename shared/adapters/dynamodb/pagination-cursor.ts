import { ValidationError } from '../../domain/domain-errors';

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK']);

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/** Only a key object of an account table is accepted back, so a forged cursor is a 400, not a 500. */
export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  const invalid = () => new ValidationError('cursor is not one this API returned', 'cursor');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const entries = key !== null && typeof key === 'object' && !Array.isArray(key) ? Object.entries(key) : [];
  if (!entries.length || !entries.every(([name, value]) => KEY_ATTRIBUTES.has(name) && typeof value === 'string')) {
    throw invalid();
  }
  return key as Record<string, unknown>;
};

/**
 * A cursor of the right shape can still belong to another listing (another index); DynamoDB
 * then refuses the start key, which is the caller's mistake, not ours.
 */
export const refusedCursor = (error: unknown, cursorUsed: boolean): unknown =>
  cursorUsed && error instanceof Error && error.name === 'ValidationException'
    ? new ValidationError('cursor does not belong to this listing', 'cursor')
    : error;
