import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What a sample event in events/ says about one valid-looking request to a route. */
export interface SampleRequest {
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body, undefined when the sample has none. */
  body: unknown;
}

const EVENTS = join(__dirname, '..', '..', 'events');

interface SampleEvent {
  httpMethod?: string;
  resource?: string;
  pathParameters?: Record<string, string> | null;
  queryStringParameters?: Record<string, string> | null;
  body?: string | null;
}

const parseBody = (body: string | null | undefined): unknown => {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // A sample of invalid JSON is still a body worth sending as it is.
    return body;
  }
};

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );

/**
 * The sample API Gateway events of events/**.json, by `METHOD resource`: the shape of a valid
 * request to each route, for suites that start from something a route accepts.
 */
export const sampleRequests = (): Map<string, SampleRequest[]> => {
  const samples = new Map<string, SampleRequest[]>();
  for (const file of jsonFiles(EVENTS)) {
    const event = JSON.parse(readFileSync(file, 'utf8')) as SampleEvent;
    if (!event.httpMethod || !event.resource) continue;
    const name = `${event.httpMethod.toUpperCase()} ${event.resource}`;
    samples.set(name, [
      ...(samples.get(name) ?? []),
      { pathParameters: event.pathParameters ?? {}, query: event.queryStringParameters ?? {}, body: parseBody(event.body) },
    ]);
  }
  return samples;
};
