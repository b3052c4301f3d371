import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import type { WorkflowRepository } from '../../ports/workflow-repository';
import type { DynamoEngineStore } from './dynamo-engine-store';
import { workflowItem } from './engine-items';

const ATTEMPTS = 5;

export class DynamoWorkflowRepository implements WorkflowRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly store: Pick<DynamoEngineStore, 'loadWorkflow'>,
  ) {}

  /** Two uploads at once both read version n; the conditional put lets one win n+1 and the other retry. */
  async saveNewVersion(workflow: Workflow, createdOn: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const latest = await this.store.loadWorkflow(workflow);
      const version = (latest?.version ?? 0) + 1;
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: workflowItem({ ...workflow, version }, createdOn),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return version;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async get(key: WorkflowKey, version?: number): Promise<(Workflow & { version: number }) | undefined> {
    return (await this.store.loadWorkflow(key, version)) as (Workflow & { version: number }) | undefined;
  }
}
