import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteEntry } from '../../support/route-table';

const EVENTS = join(__dirname, '..', '..', '..', 'events');

interface SampleEvent {
  httpMethod: string;
  resource: string;
  queryStringParameters?: Record<string, string> | null;
  body?: string | null;
}

/** Samples made to fail on purpose are no template for a request that should reach the data. */
const NEGATIVE_SAMPLE = /invalid|missing|no-match|unknown/;

const samples = (): { file: string; event: SampleEvent }[] =>
  readdirSync(EVENTS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(EVENTS, dir.name))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => ({ file: `${dir.name}/${name}`, event: JSON.parse(readFileSync(join(EVENTS, dir.name, name), 'utf8')) as SampleEvent })),
    );

/**
 * The sample event of a route (events/<area>/<name>.json), the template for the requests that the
 * attack suites aim at another tenant. Every route has one: a new route brings its sample along.
 */
export const sampleRequest = (route: RouteEntry): { query: Record<string, string>; body?: unknown } => {
  const found = samples().filter(({ event }) => event.httpMethod === route.method && event.resource === route.resource);
  const chosen = found.find(({ file }) => !NEGATIVE_SAMPLE.test(file)) ?? found[0];
  if (!chosen) throw new Error(`${route.name} has no sample event in events/: add one, so the attack and fuzz suites can aim at it`);
  const { queryStringParameters, body } = chosen.event;
  return { query: { ...queryStringParameters }, body: body ? (JSON.parse(body) as unknown) : undefined };
};
