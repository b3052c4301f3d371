import { ValidationError } from '../domain/domain-errors';

/** A percent-encoded path parameter, decoded; malformed encoding (a lone `%`) is the caller's error. */
export const decodePathParameter = (value: string | undefined, field: string): string => {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new ValidationError(`${field} is not valid percent-encoding`, field);
  }
};
