import * as z from 'zod';
import { ValidationError } from '../domain/domain-errors';

/** A percent-encoded path parameter, decoded; malformed encoding (a lone `%`) is the caller's error. */
const decodePathParameter = (value: string | undefined, field: string): string => {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new ValidationError(`${field} is not valid percent-encoding`, field);
  }
};

/**
 * A path parameter's schema that decodes its percent-encoding. Malformed encoding fails with the
 * error of decodePathParameter itself, so the 400 reads the same as when handlers decoded it.
 */
export const percentEncoded = (field: string) => z.string().transform((value) => decodePathParameter(value, field));
