import { createServer, type Server } from 'node:http';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/local-stack/dynamodb-local';
import { freePort } from '../../scripts/local-stack/ports';

/** Where a jest worker asks globalSetup's process for a new DynamoDB Local in place of its own. */
export const DYNAMODB_RESTARTS = 'ORDO_TEST_DYNAMODB_RESTARTS';

export interface DynamoDbRestarts {
  url: string;
  close(): Promise<void>;
}

/**
 * DynamoDB Local keeps every stream record until it restarts, deleted tables' too, and each write to a table with a
 * stream scans the records older than that stream's first (its SQLite table `us` has no index on the stream). Late in
 * a run, a file that takes 30 s alone took 300. The emulators belong to globalSetup's process, so a worker asks it,
 * over loopback, to stop its DynamoDB Local and start another, empty, on the same port.
 * `POST /dynamodb/<index>` answers 204 once the new one answers.
 */
export const serveDynamoDbRestarts = async (emulators: { dynamodb: RunningDynamoDb }[]): Promise<DynamoDbRestarts> => {
  const restart = async (index: number) => {
    const running = emulators[index].dynamodb;
    await running.stop();
    emulators[index].dynamodb = await startDynamoDbLocal(Number(new URL(running.endpoint).port));
  };
  const server: Server = createServer((request, response) => {
    const index = Number(/^\/dynamodb\/(\d+)$/.exec(request.url ?? '')?.[1] ?? Number.NaN);
    if (request.method !== 'POST' || !Number.isInteger(index) || !emulators[index]) {
      response.writeHead(404).end();
      return;
    }
    restart(index).then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  const port = await freePort();
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        // A worker's fetch keeps its connection open for the next request; none is coming.
        server.closeAllConnections();
      }),
  };
};
