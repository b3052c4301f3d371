import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Workflow, WorkflowKey } from '../../engine/workflow';
import type { WorkflowRepository, WorkflowVersionEntry } from '../../ports/workflow-repository';
import type { DynamoEngineStore } from './dynamo-engine-store';
import { WORKFLOWS_INDEX_PARTITION, workflowItem, workflowsIndexPrefix } from './engine-items';
import { queryAll } from './query-all';

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

  /** One Query of the workflows' index partition; the projection leaves the workflow bodies out, so a page holds many versions. */
  async listVersions(retailerId?: string): Promise<WorkflowVersionEntry[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: retailerId ? 'GSI1PK = :workflows AND begins_with(GSI1SK, :retailer)' : 'GSI1PK = :workflows',
      ExpressionAttributeValues: { ':workflows': WORKFLOWS_INDEX_PARTITION, ...(retailerId ? { ':retailer': workflowsIndexPrefix(retailerId) } : {}) },
      // Names, not words: `subtype` and `version` are DynamoDB reserved words.
      ProjectionExpression: '#w.#retailer, #w.#type, #w.#subtype, #w.#version, #created',
      ExpressionAttributeNames: {
        '#w': 'workflow',
        '#retailer': 'retailerId',
        '#type': 'entityType',
        '#subtype': 'subtype',
        '#version': 'version',
        '#created': 'createdOn',
      },
    });
    return items.map((item) => {
      const workflow = item.workflow as Pick<Workflow, 'retailerId' | 'entityType' | 'subtype'> & { version: number };
      return { ...workflow, createdOn: item.createdOn as string };
    });
  }
}
