import { ValidationError } from './domain-errors';

// DynamoDB stores numbers of magnitude 1E-130 to under 1E+126; any other non-zero number makes
// the write fail. A JSON body can carry such a number (5e-324, 1e300) in any field.
const SMALLEST = 1e-130;
const TOO_LARGE = 1e126;

const storableNumber = (value: number) => value === 0 || (Math.abs(value) >= SMALLEST && Math.abs(value) < TOO_LARGE);

// Half of a UTF-16 surrogate pair with no other half (JSON allows "\ud800"): no UTF-8 encodes it,
// so it can neither be stored nor be part of a key.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const problemWith = (value: unknown): string | undefined => {
  if (typeof value === 'number' && !storableNumber(value)) return 'must be 0 or of magnitude between 1e-130 and 1e126';
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds half of a surrogate pair)';
  return undefined;
};

/**
 * Refuses a body holding a value DynamoDB cannot store, naming the field, before anything is
 * written: numbers out of DynamoDB's range and strings that are not well-formed Unicode, in
 * values and in keys. Walks with its own stack: a body may nest deeper than the call stack allows.
 */
export const assertStorableBody = (body: unknown): void => {
  const pending: [value: unknown, field: string][] = [[body, '']];
  while (pending.length) {
    const [value, field] = pending.pop() as [unknown, string];
    const problem = problemWith(value);
    if (problem) throw new ValidationError(`${field || 'body'} ${problem}`, field || 'body');
    if (Array.isArray(value)) value.forEach((item, index) => pending.push([item, `${field}[${index}]`]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const name = field ? `${field}.${key}` : key;
        if (problemWith(key)) throw new ValidationError(`${name}: a field name ${problemWith(key)}`, name);
        pending.push([item, name]);
      }
    }
  }
};
