/**
 * The IAM actions behind each AWS SDK call a bundle can make. The SDK is external to every bundle, so
 * its command classes (`GetCommand`), paginators (`paginateQuery`) and waiters (`waitUntilTableExists`)
 * keep their names in the minified code, as properties of the required client package.
 *
 * `needs`: what every call of it is authorised against. `may`: what some calls also need, depending
 * on their input (a transaction's items, an object copied with new tags).
 */
export interface CommandActions {
  needs: string[];
  may?: string[];
}

const needs = (...actions: string[]): CommandActions => ({ needs: actions });

export const SDK_COMMAND_ACTIONS: Record<string, CommandActions> = {
  // DynamoDB, document client (@aws-sdk/lib-dynamodb) and low-level client alike.
  GetCommand: needs('dynamodb:GetItem'),
  GetItemCommand: needs('dynamodb:GetItem'),
  PutCommand: needs('dynamodb:PutItem'),
  PutItemCommand: needs('dynamodb:PutItem'),
  UpdateCommand: needs('dynamodb:UpdateItem'),
  UpdateItemCommand: needs('dynamodb:UpdateItem'),
  DeleteCommand: needs('dynamodb:DeleteItem'),
  DeleteItemCommand: needs('dynamodb:DeleteItem'),
  QueryCommand: needs('dynamodb:Query'),
  paginateQuery: needs('dynamodb:Query'),
  ScanCommand: needs('dynamodb:Scan'),
  paginateScan: needs('dynamodb:Scan'),
  BatchGetCommand: needs('dynamodb:BatchGetItem'),
  BatchGetItemCommand: needs('dynamodb:BatchGetItem'),
  BatchWriteCommand: needs('dynamodb:BatchWriteItem'),
  BatchWriteItemCommand: needs('dynamodb:BatchWriteItem'),
  // A transaction is authorised item by item, each against the action of its kind.
  TransactWriteCommand: { needs: [], may: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'] },
  TransactWriteItemsCommand: { needs: [], may: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'] },
  TransactGetCommand: needs('dynamodb:GetItem'),
  TransactGetItemsCommand: needs('dynamodb:GetItem'),
  DescribeTableCommand: needs('dynamodb:DescribeTable'),
  waitUntilTableExists: needs('dynamodb:DescribeTable'),
  waitUntilTableNotExists: needs('dynamodb:DescribeTable'),
  CreateTableCommand: needs('dynamodb:CreateTable'),
  UpdateTableCommand: needs('dynamodb:UpdateTable'),
  DeleteTableCommand: needs('dynamodb:DeleteTable'),
  UpdateTimeToLiveCommand: needs('dynamodb:UpdateTimeToLive'),
  UpdateContinuousBackupsCommand: needs('dynamodb:UpdateContinuousBackups'),
  ListStreamsCommand: needs('dynamodb:ListStreams'),
  DescribeStreamCommand: needs('dynamodb:DescribeStream'),
  GetShardIteratorCommand: needs('dynamodb:GetShardIterator'),
  GetRecordsCommand: needs('dynamodb:GetRecords'),

  // SQS: a batch send is authorised as sqs:SendMessage.
  SendMessageCommand: needs('sqs:SendMessage'),
  SendMessageBatchCommand: needs('sqs:SendMessage'),
  GetQueueUrlCommand: needs('sqs:GetQueueUrl'),
  GetQueueAttributesCommand: needs('sqs:GetQueueAttributes'),
  ReceiveMessageCommand: needs('sqs:ReceiveMessage'),
  DeleteMessageCommand: needs('sqs:DeleteMessage'),
  DeleteMessageBatchCommand: needs('sqs:DeleteMessage'),
  ChangeMessageVisibilityCommand: needs('sqs:ChangeMessageVisibility'),
  StartMessageMoveTaskCommand: needs('sqs:StartMessageMoveTask'),
  ListMessageMoveTasksCommand: needs('sqs:ListMessageMoveTasks'),

  // KMS.
  GenerateDataKeyCommand: needs('kms:GenerateDataKey'),
  DecryptCommand: needs('kms:Decrypt'),
  EncryptCommand: needs('kms:Encrypt'),

  // EventBridge.
  PutEventsCommand: needs('events:PutEvents'),

  // Lambda.
  CreateEventSourceMappingCommand: needs('lambda:CreateEventSourceMapping'),
  ListEventSourceMappingsCommand: needs('lambda:ListEventSourceMappings'),
  InvokeCommand: needs('lambda:InvokeFunction'),

  // S3: a copy reads its source and writes its target, with new tags when it replaces them.
  GetObjectCommand: needs('s3:GetObject'),
  HeadObjectCommand: needs('s3:GetObject'),
  PutObjectCommand: { needs: ['s3:PutObject'], may: ['s3:PutObjectTagging'] },
  CopyObjectCommand: { needs: ['s3:GetObject', 's3:PutObject'], may: ['s3:PutObjectTagging', 's3:GetObjectTagging'] },
  DeleteObjectCommand: needs('s3:DeleteObject'),
  ListObjectsV2Command: needs('s3:ListBucket'),
  paginateListObjectsV2: needs('s3:ListBucket'),

  // SSM Parameter Store and Secrets Manager.
  GetParameterCommand: needs('ssm:GetParameter'),
  GetParametersCommand: needs('ssm:GetParameters'),
  GetParametersByPathCommand: needs('ssm:GetParametersByPath'),
  paginateGetParametersByPath: needs('ssm:GetParametersByPath'),
  PutParameterCommand: needs('ssm:PutParameter'),
  GetSecretValueCommand: needs('secretsmanager:GetSecretValue'),

  // CodeDeploy: a lifecycle hook reports its verdict.
  GetDeploymentCommand: needs('codedeploy:GetDeployment'),
  PutLifecycleEventHookExecutionStatusCommand: needs('codedeploy:PutLifecycleEventHookExecutionStatus'),

  // CloudWatch, when metrics are sent by API rather than written to the log (EMF).
  PutMetricDataCommand: needs('cloudwatch:PutMetricData'),
};

/** Every action a command may be authorised against. */
export const actionsOf = (command: string): string[] => {
  const known = SDK_COMMAND_ACTIONS[command];
  return known ? [...known.needs, ...(known.may ?? [])] : [];
};
