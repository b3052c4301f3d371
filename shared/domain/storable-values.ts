import { ValidationError } from './domain-errors';

// DynamoDB stores numbers of magnitude 1E-130 to under 1E+126, and the document client writes
// none beyond JavaScript's safe integers (it could not read one back exactly): any other non-zero
// number makes the write fail. A JSON body can carry such a number (5e-324, 1e20) in any field.
const SMALLEST = 1e-130;

const storableNumber = (value: number) => value === 0 || (Math.abs(value) >= SMALLEST && Math.abs(value) <= Number.MAX_SAFE_INTEGER);

// Half of a UTF-16 surrogate pair with no other half (JSON allows "\ud800"): no UTF-8 encodes it,
// so it can neither be stored nor be part of a key.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// DynamoDB refuses an item nested more than 32 levels deep. A body's values are stored a few
// levels down inside other maps (an event record's `event`, an entity's `attributes`, an outbox
// payload), so a body may nest half as deep.
export const MAX_BODY_NESTING = 16;

/**
 * Field names a JSON body cannot carry into DynamoDB. JSON.parse makes `__proto__` an own field; copied or marshalled,
 * it sets a prototype instead and the value is lost. The SDK's marshaller takes an object's `constructor` for its type
 * (a Set, a Number…), so an own field of that name makes the write fail or changes what is stored.
 */
const UNSTORABLE_FIELD_NAMES = new Set(['__proto__', 'constructor']);

const problemWith = (value: unknown): string | undefined => {
  if (typeof value === 'number' && !storableNumber(value)) return `must be 0 or of magnitude between 1e-130 and ${Number.MAX_SAFE_INTEGER}`;
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds half of a surrogate pair)';
  return undefined;
};

/**
 * Refuses a body holding a value DynamoDB cannot store, naming the field, before anything is
 * written: numbers out of DynamoDB's range, strings that are not well-formed Unicode (in values
 * and in keys), fields named `__proto__` or `constructor` and values nested more than MAX_BODY_NESTING levels down. Walks with its own
 * stack: a body may nest deeper than the call stack allows.
 */
export const assertStorableBody = (body: unknown): void => {
  const pending: [value: unknown, field: string, level: number][] = [[body, '', 0]];
  while (pending.length) {
    const [value, field, level] = pending.pop() as [unknown, string, number];
    if (level > MAX_BODY_NESTING) {
      throw new ValidationError(`${field || 'body'} is nested more than ${MAX_BODY_NESTING} levels deep, deeper than Ordo stores`, field || 'body');
    }
    const problem = problemWith(value);
    if (problem) throw new ValidationError(`${field || 'body'} ${problem}`, field || 'body');
    if (Array.isArray(value)) value.forEach((item, index) => pending.push([item, `${field}[${index}]`, level + 1]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const name = field ? `${field}.${key}` : key;
        if (problemWith(key)) throw new ValidationError(`${name}: a field name ${problemWith(key)}`, name);
        if (UNSTORABLE_FIELD_NAMES.has(key)) throw new ValidationError(`${name}: a field may not be named ${key}`, name);
        pending.push([item, name, level + 1]);
      }
    }
  }
};
