import {
  CreateEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ResourceConflictException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { RelayStreamMapping, queueArnBeside } from '../../../../shared/adapters/lambda/relay-stream-mapping';

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:ordo-production-relayOutbox';
const STREAM = 'arn:aws:dynamodb:eu-west-1:123456789012:table/ordo-production-acct-acme/stream/2025-03-14T09:00:00.000';
const DLQ = 'ordo-production-outbox-dlq';

describe('RelayStreamMapping', () => {
  const lambdaMock = mockClient(LambdaClient);
  const mapping = new RelayStreamMapping(new LambdaClient({ region: 'eu-west-1' }), FUNCTION_ARN, DLQ);

  beforeEach(() => {
    lambdaMock.reset();
    lambdaMock.on(ListEventSourceMappingsCommand).resolves({ EventSourceMappings: [] });
    lambdaMock.on(CreateEventSourceMappingCommand).resolves({ UUID: 'esm-1' });
  });

  afterAll(() => {
    lambdaMock.restore();
  });

  it("maps the stream to the relay function from the stream's start, with batch item failures, halving retries and the outbox DLQ", async () => {
    // Act
    await mapping.attach(STREAM);

    // Assess
    expect(lambdaMock.commandCalls(CreateEventSourceMappingCommand).map((call) => call.args[0].input)).toEqual([
      {
        FunctionName: FUNCTION_ARN,
        EventSourceArn: STREAM,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:123456789012:ordo-production-outbox-dlq' } },
      },
    ]);
  });

  it('looks for a mapping of this stream to this function first', async () => {
    // Act
    await mapping.attach(STREAM);

    // Assess
    expect(lambdaMock.commandCalls(ListEventSourceMappingsCommand)[0].args[0].input).toEqual({ EventSourceArn: STREAM, FunctionName: FUNCTION_ARN });
  });

  it('keeps a mapping that exists already and makes no second one', async () => {
    // Prepare
    lambdaMock.on(ListEventSourceMappingsCommand).resolves({ EventSourceMappings: [{ UUID: 'esm-0', EventSourceArn: STREAM, State: 'Enabled' }] });

    // Act
    await mapping.attach(STREAM);

    // Assess
    expect(lambdaMock.commandCalls(CreateEventSourceMappingCommand)).toHaveLength(0);
  });

  it('takes a mapping made at the same moment by another try as done', async () => {
    // Prepare
    lambdaMock.on(CreateEventSourceMappingCommand).rejects(new ResourceConflictException({ message: 'The event source arn already exists', $metadata: {} }));

    // Act
    const attempt = mapping.attach(STREAM);

    // Assess
    await expect(attempt).resolves.toBeUndefined();
  });

  it('fails on any other error', async () => {
    // Prepare
    const denied = Object.assign(new Error('not authorized to perform: lambda:CreateEventSourceMapping'), { name: 'AccessDeniedException' });
    lambdaMock.on(CreateEventSourceMappingCommand).rejects(denied);

    // Act
    const attempt = mapping.attach(STREAM);

    // Assess
    await expect(attempt).rejects.toBe(denied);
  });
});

describe('queueArnBeside', () => {
  it("names a queue in the function's partition, region and AWS account", () => {
    // Act
    const arn = queueArnBeside('arn:aws-cn:lambda:cn-north-1:210987654321:function:ordo-qa-relayOutbox', 'ordo-qa-outbox-dlq');

    // Assess
    expect(arn).toBe('arn:aws-cn:sqs:cn-north-1:210987654321:ordo-qa-outbox-dlq');
  });
});
