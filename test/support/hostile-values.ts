import fc from 'fast-check';

/** Strings that have broken parsers, query builders and renderers somewhere before. */
const NOTORIOUS_STRINGS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '"; DROP TABLE orders; --',
  "1; DELETE FROM accounts WHERE '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\uFEFF',
  '\u202Eevil',
  '\u200B',
  '𝕆𝕣𝕕𝕠',
  '👩‍👩‍👧‍👦',
  'Zalgơ̶̡͈̤͔̣̼͕̭̭̅̍̋͑',
  '\r\nX-Injected: yes',
  '\t\n\r\u000b\f',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  'true',
  '[]',
  '{}',
  '#',
  '?',
  '/',
  '\\',
  '*',
  'ordo_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'attribute_not_exists(pk)',
  ':pk',
  '#pk',
  'ACCOUNT#other',
];

/** Object keys that try to reach the prototype chain or shadow built-ins. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Any code point, lone surrogate halves included. */
const anyCodeUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom('\u0000', '\n', '"', "'", '\\', '%', '/', '#', '<', '>', '&'), weight: 2 },
);

/** A string large enough to hurt, but under `maxBytes` once in a JSON body. */
export const hugeString = (maxBytes: number) =>
  fc
    .tuple(fc.integer({ min: Math.floor(maxBytes / 4), max: Math.floor(maxBytes * 0.8) }), fc.constantFrom('A', 'é', '\u0000', '<', '😀'))
    .map(([bytes, unit]) => unit.repeat(Math.max(1, Math.floor(bytes / (Buffer.byteLength(JSON.stringify(unit)) - 2)))));

export const hostileString = (maxBytes = 256 * 1024): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...NOTORIOUS_STRINGS), weight: 6 },
    { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 257, maxLength: 2_000 }), weight: 1 },
    { arbitrary: hugeString(maxBytes), weight: 1 },
  );

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.000001, 1e308, -1e308, 5e-324, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Sets an own, enumerable property even for `__proto__`, as JSON.parse would. */
export const withOwnProperty = <T extends object>(target: T, key: string, value: unknown): T =>
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

export const objectOf = (entries: [string, unknown][]): Record<string, unknown> =>
  entries.reduce((object, [key, value]) => withOwnProperty(object, key, value), {} as Record<string, unknown>);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...POLLUTING_KEYS), weight: 3 },
  { arbitrary: hostileString(1024), weight: 2 },
);

/** Arrays or objects nested a thousand deep (deeper ones are sent as text: see hostile-bodies). */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 100, max: 1_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) value = arrays ? [value] : { a: value };
    return value;
  });

/** Any JSON value, of the wrong type for most fields, with hostile leaves and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString(16 * 1024), weight: 5 },
    { arbitrary: hostileNumber, weight: 3 },
    { arbitrary: fc.constantFrom(true, false, null), weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf), weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
  ),
})).value;
