import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../engine/engine-model';
import { queryPage } from './query-page';
import type { EventLog, EventLogFilter, LoggedEvent } from '../../ports/event-log';
import { ALL_EVENTS, EVENT_SORT_KEY, eventPartition, eventRecordFromItem, eventsByOutcome, eventsByRoot, OUTBOX_SORT_PREFIX } from './engine-items';
import { queryAll } from './query-all';

const WAITING_SINCE_CUTOFF = '(receivedOn < :stuckBefore AND (attribute_not_exists(redrivenOn) OR redrivenOn < :stuckBefore))';

/** Splits PENDING events into those still waiting their turn and the STUCK ones (see stuckSinceOf). */
const stuckCondition = (filter: EventLogFilter): string | undefined => {
  if (!filter.stuckBefore) return undefined;
  if (filter.status === 'STUCK') return `(attribute_exists(stuckSince) OR ${WAITING_SINCE_CUTOFF})`;
  if (filter.status === 'PENDING') return `(attribute_not_exists(stuckSince) AND NOT ${WAITING_SINCE_CUTOFF})`;
  return undefined;
};

export class DynamoEventLog implements EventLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(filter: EventLogFilter): Promise<{ items: LoggedEvent[]; cursor?: string }> {
    // The most selective index first: by root, then by outcome, else all events by time.
    // A STUCK event is PENDING in the outcome index: pending events are few (the queue runs them in seconds), so
    // filtering that partition reads little.
    const outcome = filter.status === 'STUCK' ? 'PENDING' : filter.status;
    const [index, partition] = filter.rootEntityRef
      ? ['GSI1', eventsByRoot(filter.rootEntityRef)]
      : outcome
        ? ['GSI2', eventsByOutcome(outcome)]
        : ['GSI3', ALL_EVENTS];
    const values: Record<string, unknown> = {
      ':pk': partition,
      ':from': filter.from ?? '0000',
      ':to': `${filter.to ?? '9999'}~`,
    };
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    if (filter.entityRef) {
      conditions.push('#event.entityRef = :entityRef');
      names['#event'] = 'event';
      values[':entityRef'] = filter.entityRef;
    }
    if (filter.retailerId) {
      conditions.push('#event.retailerId = :retailerId');
      names['#event'] = 'event';
      values[':retailerId'] = filter.retailerId;
    }
    if (outcome && index !== 'GSI2') {
      conditions.push('outcome = :outcome');
      values[':outcome'] = outcome;
    }
    const stuck = stuckCondition(filter);
    if (stuck) {
      conditions.push(stuck);
      values[':stuckBefore'] = filter.stuckBefore;
    }

    const page = await queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}PK = :pk AND ${index}SK BETWEEN :from AND :to`,
        FilterExpression: conditions.length ? conditions.join(' AND ') : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      filter.limit,
      filter.cursor,
    );
    return { items: page.items.map((item) => this.toLogged(item)), cursor: page.cursor };
  }

  async get(retailerId: string, eventId: string): Promise<{ event: LoggedEvent; audit: AuditRecord[] } | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      // The partition also keeps the event's outbox records (SK OUTBOX#…), which sort after the record and its
      // audit trail (AUDIT#… < EVENT < OUTBOX#…): the read stops before them.
      KeyConditionExpression: 'PK = :pk AND SK < :outbox',
      ExpressionAttributeValues: { ':pk': eventPartition(retailerId, eventId), ':outbox': OUTBOX_SORT_PREFIX },
      ConsistentRead: true,
    });
    const record = items.find((item) => item.SK === EVENT_SORT_KEY);
    if (!record) return undefined;
    const audit = items
      .filter((item) => String(item.SK).startsWith('AUDIT#'))
      .map(({ PK: _pk, SK: _sk, expiresAt: _expiresAt, ...rest }) => rest as unknown as AuditRecord);
    return { event: this.toLogged(record), audit };
  }

  private toLogged(item: Record<string, unknown>): LoggedEvent {
    const logged: LoggedEvent = eventRecordFromItem(item);
    if (typeof item.duplicateDeliveries === 'number') logged.duplicateDeliveries = item.duplicateDeliveries;
    if (item.lastError !== undefined) logged.lastError = item.lastError as LoggedEvent['lastError'];
    if (typeof item.failedAttempts === 'number') logged.failedAttempts = item.failedAttempts;
    if (typeof item.stuckSince === 'string') logged.stuckSince = item.stuckSince;
    if (typeof item.redrivenOn === 'string') logged.redrivenOn = item.redrivenOn;
    return logged;
  }
}
