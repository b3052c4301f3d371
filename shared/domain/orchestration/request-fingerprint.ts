import { createHash } from 'node:crypto';

/** Same body, same fingerprint: keys are sorted so field order does not matter. */
export const requestFingerprint = (input: unknown): string => {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
};
