import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { apiKey } from '../session';

export type Schemas = components['schemas'];

/** Where the API answers: `/config.json` beside the console says (the stack writes it), else this origin. */
export interface ConsoleConfig {
  apiBase: string;
  stage: string;
}

let config: ConsoleConfig = { apiBase: '', stage: 'unknown' };

export const loadConfig = async (): Promise<ConsoleConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' }).catch(() => undefined);
  if (response?.ok) config = { ...config, ...((await response.json()) as Partial<ConsoleConfig>) };
  api = clientFor(config.apiBase);
  return config;
};

export const consoleConfig = () => config;

/** The key travels in a header only: never in a URL, so it stays out of history, logs and referrers. */
const signedRequests: Middleware = {
  onRequest({ request }) {
    const key = apiKey();
    if (key) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
};

const clientFor = (baseUrl: string) => {
  const client = createClient<paths>({ baseUrl });
  client.use(signedRequests);
  return client;
};

export let api = clientFor('');

/** An error answer of the API, as its `Error` schema describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an `ApiError` carrying the API's code, message, field and request id. */
export const unwrap = async <T>(pending: Promise<Answer<T>>): Promise<T> => {
  const { data, error, response } = await pending;
  if (response.ok && data !== undefined) return data;
  if (response.ok) return undefined as T;
  const body = (error ?? {}) as Partial<Schemas['Error']>;
  throw new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.requestId,
    body.error?.field,
  );
};
