import fc from 'fast-check';
import type { RouteDeclaration } from '../../shared/http/route-declaration';
import type { ApiCall } from './api-gateway-event';
import { hostileBody } from './hostile-bodies';
import { hostileKey, hostileString, objectOf } from './hostile-values';
import type { RouteEntry } from './route-table';
import type { SampleRequest } from './sample-events';

/** The keys a fuzzed request may carry, by who holds them. */
export interface FuzzKeys {
  /** An ADMIN key of the account under test. */
  admin: string;
  /** A READONLY key of the same account: refused on every write. */
  readOnly: string;
  /** An ADMIN key of another account. */
  otherAccount: string;
  operator: string;
}

export interface FuzzRequest {
  /** `METHOD /resource`, so a counterexample names its route. */
  route: string;
  /** Who the key belongs to (`none`, `garbage` and `forged` are no one's). */
  caller: string;
  call: ApiCall;
}

const QUERY_NAMES = ['limit', 'cursor', 'status', 'retailerId', 'mode', 'version', 'skuRef', 'locationRef', 'type', 'from', 'to'];
const HEADER_NAMES = ['content-type', 'x-ordo-account', 'x-forwarded-for', 'host', 'idempotency-key', 'x-request-id', 'authorization', 'cookie'];

const PLACEHOLDER = /^<(\w+)>$/;

/** A sample's path parameter, with placeholders such as `<jobId>` filled from what the suite set up. */
const validParameter = (name: string, samples: SampleRequest[], known: Record<string, string>): string => {
  const value = samples.find((sample) => sample.pathParameters[name] !== undefined)?.pathParameters[name];
  const placeholder = value === undefined ? undefined : PLACEHOLDER.exec(value)?.[1];
  return known[placeholder ?? name] ?? (value === undefined || placeholder ? 'X-1' : value);
};

const pathParameters = (resource: string, samples: SampleRequest[], known: Record<string, string>) => {
  const names = [...resource.matchAll(/\{(\w+)\+?\}/g)].map((match) => match[1]);
  return fc.tuple(
    ...names.map((name) => {
      const valid = validParameter(name, samples, known);
      return fc.oneof(
        { arbitrary: fc.constant(valid), weight: 6 },
        { arbitrary: hostileString(4096).map((tail) => valid + tail), weight: 1 },
        { arbitrary: hostileString(4096), weight: 3 },
      );
    }),
  ).map((values) => objectOf(names.map((name, index) => [name, values[index]])) as Record<string, string>);
};

const hostilePairs = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names), hostileKey), hostileString(4096)), { maxLength: 4 })
    .map((pairs) => objectOf(pairs) as Record<string, string>);

const query = (samples: SampleRequest[]) => {
  const sampleQueries = samples.map((sample) => sample.query).filter((sample) => Object.keys(sample).length > 0);
  const names = [...new Set([...sampleQueries.flatMap(Object.keys), ...QUERY_NAMES])];
  const options: fc.WeightedArbitrary<Record<string, string> | undefined>[] = [
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: hostilePairs(names), weight: 2 },
  ];
  if (sampleQueries.length > 0) {
    options.push(
      { arbitrary: fc.constantFrom(...sampleQueries), weight: 3 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...sampleQueries), fc.nat(), hostileString(4096))
          .map(([sample, pick, value]) => ({ ...sample, [Object.keys(sample)[pick % Object.keys(sample).length]]: value })),
        weight: 3,
      },
    );
  }
  return fc.oneof(...options);
};

const headers = fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: hostilePairs(HEADER_NAMES), weight: 1 });

const forgedKey = fc
  .tuple(fc.stringMatching(/^[0-9a-f]{16}$/), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
  .map(([keyId, secret]) => `ordo_${keyId}_${secret}`);

/** The route's own caller most of the time; otherwise no key, a wrong one or someone else's. */
const caller = (declaration: RouteDeclaration, keys: FuzzKeys): fc.Arbitrary<{ caller: string; apiKey?: string }> => {
  const own =
    declaration.access === 'operator'
      ? { caller: 'operator', apiKey: keys.operator }
      : declaration.access === 'account'
        ? { caller: 'admin', apiKey: keys.admin }
        : { caller: 'none' };
  return fc.oneof(
    { arbitrary: fc.constant(own), weight: 16 },
    { arbitrary: fc.constant({ caller: 'none' }), weight: 1 },
    { arbitrary: hostileString(1024).map((apiKey) => ({ caller: 'garbage', apiKey })), weight: 1 },
    { arbitrary: forgedKey.map((apiKey) => ({ caller: 'forged', apiKey })), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        { caller: 'readOnly', apiKey: keys.readOnly },
        { caller: 'otherAccount', apiKey: keys.otherAccount },
        { caller: 'operator', apiKey: keys.operator },
        { caller: 'admin', apiKey: keys.admin },
      ),
      weight: 2,
    },
  );
};

/**
 * Requests to one route: mostly valid-looking path parameters and near-valid bodies (from the
 * route's sample events) so that validation is reached deep down, mixed with hostile path
 * parameters, query strings, headers, bodies and keys.
 */
export const hostileRequests = (
  route: RouteEntry,
  declaration: RouteDeclaration,
  samples: SampleRequest[],
  context: { keys: FuzzKeys; known: Record<string, string>; maxBodyBytes: number },
): fc.Arbitrary<FuzzRequest> => {
  const bodies = samples.flatMap((sample) => (sample.body === undefined ? [] : [sample.body]));
  return fc
    .record({
      who: caller(declaration, context.keys),
      pathParameters: pathParameters(route.resource, samples, context.known),
      query: query(samples),
      headers,
      body: hostileBody(bodies, context.maxBodyBytes),
    })
    .map(({ who, pathParameters: parameters, query: queryString, headers: extraHeaders, body }) => ({
      route: route.name,
      caller: who.caller,
      call: {
        method: route.method,
        resource: route.resource,
        pathParameters: parameters,
        query: queryString,
        headers: extraHeaders,
        apiKey: who.apiKey,
        body,
      },
    }));
};
