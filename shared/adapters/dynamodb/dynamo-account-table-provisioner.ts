import {
  CreateTableCommand,
  ResourceInUseException,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { AccountTableProvisioner } from '../../ports/account-table-provisioner';
import { TTL_ATTRIBUTE, accountTableSchema } from './table-schemas';

export class DynamoAccountTableProvisioner implements AccountTableProvisioner {
  constructor(
    private readonly client: DynamoDBClient,
    // DynamoDB Local has no UpdateContinuousBackups, so the local stack turns PITR off.
    private readonly pointInTimeRecovery: boolean,
  ) {}

  async provision(tableName: string): Promise<void> {
    try {
      await this.client.send(new CreateTableCommand(accountTableSchema(tableName)));
    } catch (error) {
      // A retry after a half-finished provisioning finds the table already there.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await waitUntilTableExists({ client: this.client, maxWaitTime: 25, minDelay: 1 }, { TableName: tableName });
    await this.enableTimeToLive(tableName);
    if (this.pointInTimeRecovery) {
      await this.client.send(
        new UpdateContinuousBackupsCommand({
          TableName: tableName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
    }
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
