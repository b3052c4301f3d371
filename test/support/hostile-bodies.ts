import fc from 'fast-check';
import { deepNesting, hostileJson, hostileKey, hostileString, hugeString, withOwnProperty } from './hostile-values';

type Path = (string | number)[];

/** Every place in a JSON value, the value itself (the empty path) included. */
const pathsOf = (value: unknown, path: Path = []): Path[] => {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.keys(value).flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key]))];
  }
  return [path];
};

const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);

/** One change to a valid body, aimed at the place `pick` lands on. */
interface Mutation {
  op: 'replace' | 'delete' | 'add' | 'wrap' | 'retype';
  pick: number;
  key: string;
  value: unknown;
}

const retyped = (value: unknown): unknown => {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? 0 : [value];
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [index, item]));
  if (value !== null && typeof value === 'object') return Object.values(value);
  return {};
};

/** Applies one mutation in place; returns the new root, which a mutation at the root replaces. */
const mutate = (body: unknown, mutation: Mutation): unknown => {
  const paths = pathsOf(body);
  const path = paths[mutation.pick % paths.length];
  const target = at(body, path);
  const replaceWith = (value: unknown): unknown => {
    if (path.length === 0) return value;
    withOwnProperty(at(body, path.slice(0, -1)) as object, String(path[path.length - 1]), value);
    return body;
  };
  switch (mutation.op) {
    case 'replace':
      return replaceWith(mutation.value);
    case 'wrap':
      return replaceWith([target]);
    case 'retype':
      return replaceWith(retyped(target));
    case 'delete': {
      if (path.length === 0) return undefined;
      const parent = at(body, path.slice(0, -1));
      const key = path[path.length - 1];
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[String(key)];
      return body;
    }
    case 'add':
      if (Array.isArray(target)) target.push(mutation.value);
      else if (target !== null && typeof target === 'object') withOwnProperty(target, mutation.key, mutation.value);
      else return replaceWith(mutation.value);
      return body;
  }
};

const mutation = (maxBytes: number): fc.Arbitrary<Mutation> =>
  fc.record({
    op: fc.constantFrom('replace', 'replace', 'delete', 'add', 'wrap', 'retype'),
    pick: fc.nat(),
    key: hostileKey,
    value: fc.oneof({ arbitrary: hostileJson, weight: 9 }, { arbitrary: hugeString(maxBytes / 2), weight: 1 }),
  });

/** A valid body with up to three fields changed (none, sometimes): it reaches deep validation. */
export const nearValidBody = (samples: unknown[], maxBytes: number): fc.Arbitrary<string | undefined> =>
  fc
    .tuple(fc.constantFrom(...samples), fc.array(mutation(maxBytes), { maxLength: 3 }))
    .map(([sample, mutations]) => {
      const body = mutations.reduce<unknown>((current, change) => (current === undefined ? current : mutate(current, change)), structuredClone(sample));
      return body === undefined ? undefined : JSON.stringify(body);
    });

const NUMBER_LITERAL = /-?\d+(\.\d+)?([eE][+-]?\d+)?/;

/** Text that is not quite the JSON a route expects, or not JSON at all. */
const rawEdit = fc.oneof(
  fc.nat().map((cut) => (text: string) => text.slice(0, cut % Math.max(1, text.length))),
  fc
    .constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1.7976931348623157e309', '0x10', 'NaN', '-', '01', '1.')
    .map((literal) => (text: string) => text.replace(NUMBER_LITERAL, literal)),
  fc
    .tuple(fc.nat(), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFEFF', '\u0007', '\\', '"', ',', '}', ']', '\\u0000', '\\uD800'))
    .map(([where, text]) => (body: string) => body.slice(0, where % (body.length + 1)) + text + body.slice(where % (body.length + 1))),
  fc
    .constantFrom('"__proto__":{"polluted":"yes"},', '"constructor":{"prototype":{"polluted":"yes"}},', '"__proto__":null,', '"":"",')
    .map((injection) => (text: string) => text.replace('{', `{${injection}`)),
  fc.constantFrom(',', '}', ']', ' garbage', '\u0000', '{}').map((tail) => (text: string) => text + tail),
  fc.string({ unit: 'binary', maxLength: 30 }).map((junk) => () => junk),
  fc.constantFrom("{'single':'quotes'}", 'undefined', '{"a":}', '[1,]', '{"a" 1}', '\u0000', '   ', 'null', '[]', '"string"', '42', 'true').map(
    (literal) => () => literal,
  ),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => () => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => () => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => () => '['.repeat(depth)),
);

/** A sample's JSON text, edited as text: invalid JSON, odd numbers, NUL bytes, injected keys. */
export const rawBody = (samples: unknown[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...samples.map((sample) => JSON.stringify(sample) ?? '')), rawEdit).map(([text, edit]) => edit(text));

/** What a route receives: near-valid most of the time, otherwise anything at all. */
export const hostileBody = (samples: unknown[], maxBytes: number): fc.Arbitrary<string | undefined> => {
  const anything = [
    { arbitrary: rawBody(samples.length > 0 ? samples : [{}]), weight: 2 },
    { arbitrary: hostileJson.map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: deepNesting.map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: hostileString(maxBytes), weight: 1 },
  ];
  if (samples.length === 0) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, ...anything);
  return fc.oneof({ arbitrary: nearValidBody(samples, maxBytes), weight: 8 }, { arbitrary: fc.constant(undefined), weight: 1 }, ...anything);
};
