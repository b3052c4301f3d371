import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { AccountTableProvisioner } from '../../ports/account-table-provisioner';
import { ACCOUNT_TABLE_STREAM, TTL_ATTRIBUTE, accountTableSchema } from './table-schemas';

/** What reads a table's change stream once the table is ready: in AWS, the relay function through a mapping. */
export interface ChangeStreamConsumer {
  /** Idempotent: a stream already read is left as it is. */
  attach(streamArn: string): Promise<void>;
}

const streamOf = (table: TableDescription | undefined): string | undefined =>
  table?.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined;

export class DynamoAccountTableProvisioner implements AccountTableProvisioner {
  constructor(
    private readonly client: DynamoDBClient,
    // DynamoDB Local has no UpdateContinuousBackups, so the local stack turns PITR off.
    private readonly pointInTimeRecovery: boolean,
    // Absent on the local stack, whose poller finds the streams by itself.
    private readonly streamConsumer?: ChangeStreamConsumer,
  ) {}

  async provision(tableName: string): Promise<void> {
    try {
      await this.client.send(new CreateTableCommand(accountTableSchema(tableName)));
    } catch (error) {
      // A retry after a half-finished provisioning finds the table already there.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await this.untilActive(tableName);
    const streamArn = await this.ensureStream(tableName);
    await this.enableTimeToLive(tableName);
    if (this.pointInTimeRecovery) {
      await this.client.send(
        new UpdateContinuousBackupsCommand({
          TableName: tableName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
    }
    await this.streamConsumer?.attach(streamArn);
  }

  private async untilActive(tableName: string): Promise<void> {
    await waitUntilTableExists({ client: this.client, maxWaitTime: 25, minDelay: 1 }, { TableName: tableName });
  }

  private async describe(tableName: string): Promise<TableDescription | undefined> {
    return (await this.client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  }

  /** The table's change stream, turned on for a table made before streams were part of its schema. */
  private async ensureStream(tableName: string): Promise<string> {
    const table = await this.describe(tableName);
    const existing = streamOf(table);
    if (existing) {
      const viewType = table?.StreamSpecification?.StreamViewType;
      // A stream of another view type lacks the images the relay reads; replacing it is an operator's call.
      if (viewType !== ACCOUNT_TABLE_STREAM.StreamViewType) throw new Error(`${tableName} streams ${viewType}; the outbox relay needs NEW_AND_OLD_IMAGES`);
      return existing;
    }
    let enabled: string | undefined;
    try {
      const { TableDescription } = await this.client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: ACCOUNT_TABLE_STREAM }));
      enabled = TableDescription?.LatestStreamArn;
    } catch (error) {
      // Another provisioning of the same table may have turned it on a moment ago.
      enabled = streamOf(await this.describe(tableName));
      if (!enabled) throw error;
    }
    await this.untilActive(tableName);
    const streamArn = enabled ?? streamOf(await this.describe(tableName));
    if (!streamArn) throw new Error(`${tableName} has no change stream after it was turned on`);
    return streamArn;
  }

  private async enableTimeToLive(tableName: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
    } catch (error) {
      // Already enabled on a retried provisioning.
      if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
    }
  }
}
