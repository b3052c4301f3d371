/**
 * Which emulators a test file talks to. globalSetup starts a DynamoDB Local and a local SQS server for each jest
 * worker and lists their endpoints in these variables; each file, before it imports anything, points the SDK at its
 * worker's pair (jest runs one file at a time per worker, so a worker's emulators hold one file's tables at a time).
 */
export const EMULATORS_PER_WORKER = { dynamodb: 'ORDO_TEST_DYNAMODB_ENDPOINTS', sqs: 'ORDO_TEST_SQS_ENDPOINTS' } as const;

export const CONTROL_TABLE = 'ordo-sandbox-control';

const endpointsOf = (variable: string): string[] => {
  const endpoints = (process.env[variable] ?? '').split(',').filter(Boolean);
  if (endpoints.length === 0) throw new Error(`${variable} is not set: the integration project's globalSetup starts the emulators`);
  return endpoints;
};

/** Which pair of globalSetup's list is this worker's. */
export const workerIndex = (workerId = process.env.JEST_WORKER_ID): number => {
  const index = (Number(workerId ?? '1') - 1) % endpointsOf(EMULATORS_PER_WORKER.dynamodb).length;
  return Number.isInteger(index) && index >= 0 ? index : 0;
};

/** The endpoint of this worker's emulator, from the list globalSetup made. */
export const workerEndpoint = (variable: string, workerId = process.env.JEST_WORKER_ID): string => endpointsOf(variable)[workerIndex(workerId)];
