/**
 * AWS SDK calls a function's bundle references but its code never makes, with the reason. A bundle
 * holds every method of the stores and parts it reaches (esbuild cannot drop a class's unused
 * methods), so it names more commands than the function calls; its role grants only what it calls.
 * A command listed here that the bundle no longer references fails the test, so the list stays true.
 */
export interface Uncalled {
  reason: string;
  commands: string[];
}

const never = (reason: string, ...commands: string[]): Uncalled => ({ reason, commands });

const PING = 'only the health check pings the control-plane table; the ping comes with the control-plane store';
const ONLY_PINGS = 'the health check only pings: the rest of the control-plane store comes with the ping';
const READS_ONLY = 'it only reads: the stores it reads through come with their writing methods';
const LISTS_NOTHING = 'it reads or writes single items: the stores it uses come with their listing methods';
const NO_QUEUE = 'it never enqueues: the queue comes with the parts it reads through';
const NO_DATA_KEYS = 'it neither seals nor opens: the data keys come with the webhook subscriptions';
const OPENS_ONLY = 'it opens customer data and never seals any, so it never makes a data key';
const NO_BUS = 'it never delivers, so never announces a disabled webhook';
const NO_WEBHOOK_DELETE = 'only deleting a webhook deletes one; the store comes with its delete';
const NO_PROVISIONING = 'a status change never provisions a table: the operator administration parts come whole';
const NO_COUNTS = 'stock counts are read and written by the chunk processor alone; the count store comes with the jobs parts';
const NO_RELEASE = 'registering claims a source and never releases one; the registry comes with its release';
const NO_CLAIM = 'releasing never claims a source; the registry comes with its claim';
const LOOKS_UP_ONLY = 'ingesting looks a source up and never releases one; the registry comes with its release';
const ROTATION_WRAPS = 'rotation makes and wraps a new data key and never opens one';
const ACCEPTS_ONLY = 'accepting an event seals and records it as PENDING, then enqueues it: the engine runs it later';
const MARKS_ONLY = 'marking writes the event record alone: the orchestration parts it reads through come with the engine’s queue and batch writes';
const REGISTERS_ONLY = 'registration writes single items: the workflows come with the engine store and its batch writes';
const SWEEPS_ONLY = 'the sweep lists accounts and their due events, enqueues and removes them; it reads or writes no single item';

export const UNCALLED_COMMANDS: Record<string, Uncalled[]> = {
  health: [never(ONLY_PINGS, 'paginateQuery', 'PutCommand', 'GetCommand', 'UpdateCommand')],
  createAccount: [never(LISTS_NOTHING, 'paginateQuery')],
  updateAccount: [
    never(
      NO_PROVISIONING,
      'ListEventSourceMappingsCommand',
      'CreateEventSourceMappingCommand',
      'PutCommand',
      'CreateTableCommand',
      'UpdateContinuousBackupsCommand',
      'waitUntilTableExists',
      'DescribeTableCommand',
      'UpdateTableCommand',
      'UpdateTimeToLiveCommand',
    ),
    never(LISTS_NOTHING, 'paginateQuery'),
  ],
  getAccount: [never(READS_ONLY, 'PutCommand'), never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  rotateDataKey: [never(ROTATION_WRAPS, 'DecryptCommand'), never(LISTS_NOTHING, 'paginateQuery'), never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  createApiKey: [never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  listApiKeys: [never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  revokeApiKey: [never(LISTS_NOTHING, 'paginateQuery'), never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  listRoles: [never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  putRole: [never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  registerEventSource: [never(LISTS_NOTHING, 'paginateQuery'), never(NO_RELEASE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  listEventSources: [never(READS_ONLY, 'PutCommand', 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  releaseEventSource: [never(LISTS_NOTHING, 'paginateQuery'), never(NO_CLAIM, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  createWebhook: [never(LISTS_NOTHING, 'paginateQuery'), never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  listWebhooks: [never(NO_DATA_KEYS, 'GenerateDataKeyCommand', 'DecryptCommand'), never(READS_ONLY, 'PutCommand', 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  getWebhook: [
    never(NO_DATA_KEYS, 'GenerateDataKeyCommand', 'DecryptCommand'),
    never(READS_ONLY, 'PutCommand', 'DeleteCommand'),
    never(LISTS_NOTHING, 'paginateQuery'),
    never(PING, 'DescribeTableCommand'),
  ],
  updateWebhook: [
    never(NO_DATA_KEYS, 'GenerateDataKeyCommand', 'DecryptCommand'),
    never(NO_WEBHOOK_DELETE, 'DeleteCommand'),
    never(LISTS_NOTHING, 'paginateQuery'),
    never(PING, 'DescribeTableCommand'),
  ],
  deleteWebhook: [
    never(NO_DATA_KEYS, 'GenerateDataKeyCommand', 'DecryptCommand'),
    never('it deletes a subscription and writes none', 'PutCommand'),
    never(LISTS_NOTHING, 'paginateQuery'),
    never(PING, 'DescribeTableCommand'),
  ],
  rotateWebhookSecret: [never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  deliverWebhooks: [never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  testWebhook: [never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  listWebhookDeliveries: [
    never(NO_DATA_KEYS, 'GenerateDataKeyCommand', 'DecryptCommand'),
    never(READS_ONLY, 'PutCommand', 'DeleteCommand'),
    never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'),
    never(NO_BUS, 'PutEventsCommand'),
    never(PING, 'DescribeTableCommand'),
  ],
  retryWebhookDelivery: [never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  putWorkflow: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand'), never(PING, 'DescribeTableCommand')],
  listWorkflows: [never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  getWorkflow: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  getWorkflowDiagram: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  postEvent: [never(ACCEPTS_ONLY, 'QueryCommand', 'paginateQuery', 'BatchWriteCommand'), never(PING, 'DescribeTableCommand')],
  postEventSync: [never(PING, 'DescribeTableCommand')],
  postFluentEventAsync: [never(ACCEPTS_ONLY, 'QueryCommand', 'paginateQuery', 'BatchWriteCommand'), never(PING, 'DescribeTableCommand')],
  postFluentEventSync: [never(PING, 'DescribeTableCommand')],
  postEventDryRun: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  listEvents: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  getEvent: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  retryEvent: [never('a retry reads the event and enqueues it again; the engine runs it', 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  getEntity: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  putLocation: [never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  getLocation: [never(READS_ONLY, 'PutCommand'), never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  listLocations: [never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  putInventoryPosition: [never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  listInventory: [never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  createJob: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(LISTS_NOTHING, 'paginateQuery', 'QueryCommand'), never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(PING, 'DescribeTableCommand')],
  listJobs: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(READS_ONLY, 'PutCommand'), never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(PING, 'DescribeTableCommand')],
  getJob: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(READS_ONLY, 'PutCommand'), never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(PING, 'DescribeTableCommand')],
  postBatch: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(LISTS_NOTHING, 'paginateQuery', 'QueryCommand'), never(PING, 'DescribeTableCommand')],
  getBatch: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(READS_ONLY, 'PutCommand'), never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(PING, 'DescribeTableCommand')],
  importInventoryFiles: [never(NO_COUNTS, 'BatchGetCommand', 'BatchWriteCommand'), never(PING, 'DescribeTableCommand')],
  checkAvailability: [never(READS_ONLY, 'PutCommand'), never(PING, 'DescribeTableCommand')],
  putRetailer: [never(REGISTERS_ONLY, 'BatchWriteCommand'), never(PING, 'DescribeTableCommand')],
  getRetailer: [never(READS_ONLY, 'BatchWriteCommand', 'PutCommand', 'UpdateCommand'), never(PING, 'DescribeTableCommand')],
  listRetailers: [never(READS_ONLY, 'BatchWriteCommand', 'PutCommand', 'UpdateCommand'), never(PING, 'DescribeTableCommand')],
  putSourcingProfile: [never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  getSourcingProfile: [never(READS_ONLY, 'PutCommand'), never(LISTS_NOTHING, 'paginateQuery'), never(PING, 'DescribeTableCommand')],
  listSettings: [never(READS_ONLY, 'PutCommand', 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  putSetting: [never(PING, 'DescribeTableCommand')],
  createOrder: [never(PING, 'DescribeTableCommand')],
  listOrders: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  getOrder: [
    never(OPENS_ONLY, 'GenerateDataKeyCommand'),
    never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'),
    never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'),
    never(PING, 'DescribeTableCommand'),
  ],
  getOrderTransitions: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  createReturn: [never(PING, 'DescribeTableCommand')],
  getReturn: [never(NO_QUEUE, 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand'), never(READS_ONLY, 'BatchWriteCommand', 'PutCommand'), never(PING, 'DescribeTableCommand')],
  ingestBusEvent: [
    never(ACCEPTS_ONLY, 'QueryCommand', 'paginateQuery', 'BatchWriteCommand'),
    never(LOOKS_UP_ONLY, 'DeleteCommand'),
    never(PING, 'DescribeTableCommand'),
  ],
  sweepScheduledEvents: [never(SWEEPS_ONLY, 'GetCommand', 'PutCommand', 'UpdateCommand'), never(PING, 'DescribeTableCommand')],
  relayOutbox: [never(NO_WEBHOOK_DELETE, 'DeleteCommand'), never(PING, 'DescribeTableCommand')],
  markStuckEvents: [never(MARKS_ONLY, 'BatchWriteCommand', 'GetQueueUrlCommand', 'SendMessageCommand', 'SendMessageBatchCommand')],
};

/**
 * Calls a library bundles whatever the function uses of it. Powertools Parameters' SSM provider holds
 * every SSM call it offers; a function that reads one parameter (getParameter) makes only GetParameter.
 */
export const LIBRARY_UNCALLED: Uncalled[] = [
  never('Powertools Parameters bundles its whole SSM provider; Ordo reads single parameters only', 'GetParametersCommand', 'paginateGetParametersByPath', 'PutParameterCommand'),
];

/** The commands of a function's bundle it never calls, library ones included. */
export const uncalledBy = (name: string): Set<string> =>
  new Set([...(UNCALLED_COMMANDS[name] ?? []), ...LIBRARY_UNCALLED].flatMap((uncalled) => uncalled.commands));
