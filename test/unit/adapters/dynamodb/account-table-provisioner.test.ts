import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoAccountTableProvisioner } from '../../../../shared/adapters/dynamodb/dynamo-account-table-provisioner';
import { TTL_ATTRIBUTE } from '../../../../shared/adapters/dynamodb/table-schemas';

const TABLE = 'ordo-unit-acct-acme';

describe('DynamoAccountTableProvisioner', () => {
  const ddbMock = mockClient(DynamoDBClient);
  const client = new DynamoDBClient({ region: 'us-east-1' });

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(CreateTableCommand).resolves({});
    ddbMock.on(DescribeTableCommand, { TableName: TABLE }).resolves({ Table: { TableName: TABLE, TableStatus: 'ACTIVE' } });
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
      .resolves({ Table: { TableName: TABLE, TableStatus: 'ACTIVE' } });
    const provisioner = new DynamoAccountTableProvisioner(client, true);

    // Act
    const provisioning = provisioner.provision(TABLE);
    await jest.advanceTimersByTimeAsync(5_000);
    await provisioning;

    // Assess
    const describeCalls = ddbMock.commandCalls(DescribeTableCommand);
    const [ttlCall] = ddbMock.commandCalls(UpdateTimeToLiveCommand);
    expect(describeCalls).toHaveLength(2);
    expect(ttlCall.calledAfter(describeCalls[1])).toBe(true);
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
});
