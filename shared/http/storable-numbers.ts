import { ValidationError } from '../domain/errors';

// DynamoDB stores numbers of magnitude 1E-130 to under 1E+126; any other non-zero number makes
// the write fail. A JSON body can carry such a number (5e-324, 1e300) in any field.
const SMALLEST = 1e-130;
const TOO_LARGE = 1e126;

const storable = (value: number) => value === 0 || (Math.abs(value) >= SMALLEST && Math.abs(value) < TOO_LARGE);

/**
 * Refuses a body holding a number DynamoDB cannot store, naming the field, before anything is
 * written. Walks with its own stack: a body may nest deeper than the call stack allows.
 */
export const assertStorableNumbers = (body: unknown): void => {
  const pending: [value: unknown, field: string][] = [[body, '']];
  while (pending.length) {
    const [value, field] = pending.pop() as [unknown, string];
    if (typeof value === 'number' && !storable(value)) {
      throw new ValidationError(`${field || 'body'} must be 0 or of magnitude between 1e-130 and 1e126`, field || 'body');
    }
    if (Array.isArray(value)) value.forEach((item, index) => pending.push([item, `${field}[${index}]`]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([item, field ? `${field}.${key}` : key]);
    }
  }
};
