import { EMULATORS_PER_WORKER, workerEndpoint } from './worker-emulators';

// Runs before each file imports anything, so every client the file's handlers make reaches this worker's emulators.
process.env.AWS_ENDPOINT_URL_DYNAMODB = workerEndpoint(EMULATORS_PER_WORKER.dynamodb);
process.env.AWS_ENDPOINT_URL_SQS = workerEndpoint(EMULATORS_PER_WORKER.sqs);
