import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { responseContract } from './http-client';

/** Headers a client sends that the stack reads; the rest (host, length, connection) belong to each hop. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'idempotency-key'];
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/**
 * A proxy on 127.0.0.1 in front of the local stack for clients that do not call through `http()`, such as
 * the ordo CLI run as a child process: it passes every request on unchanged, checks each reply against
 * openapi.yaml, and keeps what the contract does not allow in `violations` for the test to assert on.
 */
export interface ContractProxy {
  url: string;
  violations: string[];
  close(): Promise<void>;
}

const bodyOf = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export const startContractProxy = async (target: string): Promise<ContractProxy> => {
  const violations: string[] = [];
  const relay = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const headers = Object.fromEntries(
      FORWARDED_REQUEST_HEADERS.flatMap((name) => (typeof request.headers[name] === 'string' ? [[name, request.headers[name] as string]] : [])),
    );
    const body = await bodyOf(request);
    const reply = await fetch(`${target}${path}`, { method, headers, body: body.length > 0 ? body : undefined });
    const text = await reply.text();
    const check = responseContract().check({
      method,
      path,
      status: reply.status,
      contentType: reply.headers.get('content-type'),
      text,
      headers: Object.fromEntries(reply.headers),
    });
    if (check.problems.length > 0) violations.push(`${check.operation} answered ${reply.status}: ${check.problems.join('; ')}`);
    reply.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name)) response.setHeader(name, value);
    });
    response.writeHead(reply.status).end(text);
  };
  const server = createServer((request, response) => {
    relay(request, response).catch((error: Error) => {
      violations.push(`the proxy could not relay ${request.method} ${request.url}: ${error.message}`);
      response.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
