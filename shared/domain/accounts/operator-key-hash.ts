import { createHash } from 'node:crypto';

/**
 * What Ordo keeps of the operator key: its SHA-256 in lower-case hex, the same text
 * `printf %s "$KEY" | sha256sum` prints, so an operator can store it without Ordo's tools.
 */
export const operatorKeyHashOf = (operatorKey: string): string => createHash('sha256').update(operatorKey).digest('hex');
