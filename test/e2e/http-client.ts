import { ResponseContract } from '../support/response-contract';

/** Calls the running local stack over real HTTP; every reply is checked against openapi.yaml. */
export const baseUrl = () => process.env.ORDO_E2E_BASE_URL ?? '';
export const operatorKey = () => process.env.ORDO_E2E_OPERATOR_KEY ?? '';
export const demoKey = () => process.env.ORDO_E2E_DEMO_KEY ?? '';

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let contract: ResponseContract | undefined;
/** Read and compiled once per test file, on its first call. */
export const responseContract = (): ResponseContract => (contract ??= ResponseContract.fromFile());

/**
 * A reply openapi.yaml does not allow throws a ContractViolationError naming the operation, the
 * status and what is wrong, which fails the test that made the call.
 */
export const http = async (
  method: string,
  path: string,
  options: { apiKey?: string; body?: unknown; rawBody?: string } = {},
): Promise<HttpReply> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  responseContract().assertConforms({
    method,
    path,
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    headers: Object.fromEntries(response.headers),
  });
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = {};
  }
  return { status: response.status, headers: response.headers, text, body };
};

/**
 * Registers a retailer, as a merchant does before its orders, workflows, keys and jobs (which Ordo refuses for an
 * unregistered retailer). `none` installs nothing; `reference` installs the reference workflows.
 */
export const registerRetailer = async (apiKey: string, retailerId: string, template: 'none' | 'reference' = 'none'): Promise<HttpReply> => {
  const reply = await http('PUT', `/v1/retailers/${retailerId}`, { apiKey, body: { name: retailerId, template } });
  if (reply.status !== 200 && reply.status !== 201) throw new Error(`retailer ${retailerId} not registered: ${reply.status} ${reply.text}`);
  return reply;
};
