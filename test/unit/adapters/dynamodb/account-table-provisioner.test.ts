import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoAccountTableProvisioner, type ChangeStreamConsumer } from '../../../../shared/adapters/dynamodb/dynamo-account-table-provisioner';
import { TTL_ATTRIBUTE } from '../../../../shared/adapters/dynamodb/table-schemas';

const TABLE = 'ordo-unit-acct-acme';
const STREAM = `arn:aws:dynamodb:us-east-1:123456789012:table/${TABLE}/stream/2025-03-14T09:00:00.000`;
const LATER_STREAM = `arn:aws:dynamodb:us-east-1:123456789012:table/${TABLE}/stream/2025-03-15T10:00:00.000`;

/** An ACTIVE table as DescribeTable shows it: made with the stream of the current schema unless told otherwise. */
const activeTable = (overrides: Partial<TableDescription> = {}): { Table: TableDescription } => ({
  Table: {
    TableName: TABLE,
    TableStatus: 'ACTIVE',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    LatestStreamArn: STREAM,
    ...overrides,
  },
});

/** A table made before account tables had a stream. */
const streamlessTable = () => activeTable({ StreamSpecification: undefined, LatestStreamArn: undefined });

/** Notes each stream it is asked to read, and when, in the order of the DynamoDB calls. */
class RecordingConsumer implements ChangeStreamConsumer {
  readonly attached: { streamArn: string; afterCalls: number }[] = [];
  failure: Error | undefined;

  constructor(private readonly calls: () => number) {}

  async attach(streamArn: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.attached.push({ streamArn, afterCalls: this.calls() });
  }
}

describe('DynamoAccountTableProvisioner', () => {
  const ddbMock = mockClient(DynamoDBClient);
  const client = new DynamoDBClient({ region: 'us-east-1' });

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(CreateTableCommand).resolves({});
    ddbMock.on(DescribeTableCommand, { TableName: TABLE }).resolves(activeTable());
    ddbMock.on(UpdateTableCommand).resolves({ TableDescription: { TableName: TABLE, TableStatus: 'UPDATING', LatestStreamArn: LATER_STREAM } });
    ddbMock.on(UpdateTimeToLiveCommand).resolves({});
    ddbMock.on(UpdateContinuousBackupsCommand).resolves({});
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('creates the table under the name it is given', async () => {
    // Prepare
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    await provisioner.provision(TABLE);

    // Assess
    expect(ddbMock.commandCalls(CreateTableCommand)[0].args[0].input.TableName).toBe(TABLE);
  });

  it('waits for the table to exist before it configures it', async () => {
    // Prepare
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    await provisioner.provision(TABLE);

    // Assess
    const [describeCall] = ddbMock.commandCalls(DescribeTableCommand);
    const [ttlCall] = ddbMock.commandCalls(UpdateTimeToLiveCommand);
    expect(describeCall.args[0].input).toEqual({ TableName: TABLE });
    expect(describeCall.calledBefore(ttlCall)).toBe(true);
  });

  it('does not configure the table until DynamoDB reports it ACTIVE', async () => {
    // Prepare
    jest.useFakeTimers();
    ddbMock
      .on(DescribeTableCommand)
      .resolvesOnce({ Table: { TableName: TABLE, TableStatus: 'CREATING' } })
      .resolves(activeTable());
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const provisioning = provisioner.provision(TABLE);
    await jest.advanceTimersByTimeAsync(5_000);
    await provisioning;

    // Assess
    const describeCalls = ddbMock.commandCalls(DescribeTableCommand);
    const [ttlCall] = ddbMock.commandCalls(UpdateTimeToLiveCommand);
    expect(describeCalls[0].calledBefore(ttlCall)).toBe(true);
    expect(describeCalls[1].calledBefore(ttlCall)).toBe(true);
    expect(describeCalls[1].args[0].input).toEqual({ TableName: TABLE });
  });

  it('enables time to live on the expiry attribute', async () => {
    // Prepare
    const provisioner = new DynamoAccountTableProvisioner(client, false);

    // Act
    await provisioner.provision(TABLE);

    // Assess
    expect(ddbMock.commandCalls(UpdateTimeToLiveCommand)[0].args[0].input).toEqual({
      TableName: TABLE,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('turns point-in-time recovery on when it is enabled', async () => {
    // Prepare
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    await provisioner.provision(TABLE);

    // Assess
    const calls = ddbMock.commandCalls(UpdateContinuousBackupsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      TableName: TABLE,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('skips UpdateContinuousBackups when point-in-time recovery is off', async () => {
    // Prepare
    const provisioner = new DynamoAccountTableProvisioner(client, false);

    // Act
    await provisioner.provision(TABLE);

    // Assess
    expect(ddbMock.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(0);
  });

  it('tolerates a table that already exists and still configures it', async () => {
    // Prepare
    ddbMock
      .on(CreateTableCommand)
      .rejects(new ResourceInUseException({ message: `Table already exists: ${TABLE}`, $metadata: {} }));
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const attempt = provisioner.provision(TABLE);

    // Assess
    await expect(attempt).resolves.toBeUndefined();
    expect(ddbMock.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(1);
    expect(ddbMock.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(1);
  });

  it('tolerates time to live being enabled already', async () => {
    // Prepare
    const alreadyEnabled = Object.assign(new Error('TimeToLive is already enabled'), { name: 'ValidationException' });
    ddbMock.on(UpdateTimeToLiveCommand).rejects(alreadyEnabled);
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const attempt = provisioner.provision(TABLE);

    // Assess
    await expect(attempt).resolves.toBeUndefined();
    expect(ddbMock.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(1);
  });

  it('fails on any other CreateTable error without touching the table further', async () => {
    // Prepare
    const limitExceeded = Object.assign(new Error('Too many tables'), { name: 'LimitExceededException' });
    ddbMock.on(CreateTableCommand).rejects(limitExceeded);
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const attempt = provisioner.provision(TABLE);

    // Assess
    await expect(attempt).rejects.toBe(limitExceeded);
    expect(ddbMock.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0);
  });

  it('fails on any other UpdateTimeToLive error', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:UpdateTimeToLive'), {
      name: 'AccessDeniedException',
    });
    ddbMock.on(UpdateTimeToLiveCommand).rejects(denied);
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const attempt = provisioner.provision(TABLE);

    // Assess
    await expect(attempt).rejects.toBe(denied);
  });
  describe('change stream', () => {
    const callCount = () => ddbMock.calls().length;

    it('creates the table streaming every change with the item before and after it', async () => {
      // Prepare
      const provisioner = new DynamoAccountTableProvisioner(client, false);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(ddbMock.commandCalls(CreateTableCommand)[0].args[0].input.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
    });

    it('leaves the stream of a table that has one as it is', async () => {
      // Prepare
      const provisioner = new DynamoAccountTableProvisioner(client, false);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(ddbMock.commandCalls(UpdateTableCommand)).toHaveLength(0);
    });

    it('turns the stream on for an existing table made without one', async () => {
      // Prepare
      ddbMock.on(CreateTableCommand).rejects(new ResourceInUseException({ message: `Table already exists: ${TABLE}`, $metadata: {} }));
      ddbMock.on(DescribeTableCommand).resolves(streamlessTable());
      const provisioner = new DynamoAccountTableProvisioner(client, false);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(ddbMock.commandCalls(UpdateTableCommand).map((call) => call.args[0].input)).toEqual([
        { TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } },
      ]);
    });

    it('waits for the table to be ACTIVE again after turning its stream on, before it configures it further', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).resolvesOnce(streamlessTable()).resolvesOnce(streamlessTable()).resolves(activeTable({ LatestStreamArn: LATER_STREAM }));
      const provisioner = new DynamoAccountTableProvisioner(client, false);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      const [update] = ddbMock.commandCalls(UpdateTableCommand);
      const [ttl] = ddbMock.commandCalls(UpdateTimeToLiveCommand);
      const describedBetween = ddbMock.commandCalls(DescribeTableCommand).filter((call) => call.calledAfter(update) && call.calledBefore(ttl));
      expect(describedBetween.length).toBeGreaterThan(0);
    });

    it('takes the stream another provisioning turned on a moment before', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).resolvesOnce(streamlessTable()).resolvesOnce(streamlessTable()).resolves(activeTable());
      ddbMock.on(UpdateTableCommand).rejects(Object.assign(new Error('Table already has an enabled stream'), { name: 'ValidationException' }));
      const consumer = new RecordingConsumer(callCount);
      const provisioner = new DynamoAccountTableProvisioner(client, false, consumer);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(consumer.attached.map(({ streamArn }) => streamArn)).toEqual([STREAM]);
    });

    it('refuses a table streaming without the images the relay reads, naming the table', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).resolves(activeTable({ StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
      const provisioner = new DynamoAccountTableProvisioner(client, false);

      // Act
      const attempt = provisioner.provision(TABLE);

      // Assess
      await expect(attempt).rejects.toThrow(`${TABLE} streams KEYS_ONLY`);
    });

    it("hands the table's stream to its consumer once the table is configured", async () => {
      // Prepare
      const consumer = new RecordingConsumer(callCount);
      const provisioner = new DynamoAccountTableProvisioner(client, true, consumer);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(consumer.attached).toEqual([{ streamArn: STREAM, afterCalls: callCount() }]);
    });

    it('hands on the stream it has just turned on', async () => {
      // Prepare
      ddbMock.on(DescribeTableCommand).resolvesOnce(streamlessTable()).resolvesOnce(streamlessTable()).resolves(activeTable({ LatestStreamArn: LATER_STREAM }));
      const consumer = new RecordingConsumer(callCount);
      const provisioner = new DynamoAccountTableProvisioner(client, false, consumer);

      // Act
      await provisioner.provision(TABLE);

      // Assess
      expect(consumer.attached.map(({ streamArn }) => streamArn)).toEqual([LATER_STREAM]);
    });

    it('fails when its consumer cannot attach, so a retried account creation finishes the job', async () => {
      // Prepare
      const consumer = new RecordingConsumer(callCount);
      consumer.failure = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      const provisioner = new DynamoAccountTableProvisioner(client, false, consumer);

      // Act
      const attempt = provisioner.provision(TABLE);

      // Assess
      await expect(attempt).rejects.toBe(consumer.failure);
    });
  });
});
