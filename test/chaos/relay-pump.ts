import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handler as relayOutbox } from '../../functions/engine/relay-outbox';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { StreamRelayPoller, type GivenUp } from '../../scripts/local-stack/stream-relay-poller';
import { LocalChangeStreams } from '../../scripts/local-stack/stream-reader';
import { outboxRelayOf, streamRelay } from '../../shared/composition/outbox-relay';
import { loadSettings } from '../../shared/composition/settings';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import type { AccountRelay } from '../../shared/domain/outbound/relay-changes';
import { lambdaContext } from '../support/api-gateway-event';
import { RecordingBus } from '../support/outbox-relay';
import type { FaultPlan } from './faults';

/** The relay dying once its messages went out, before it removed the outbox record. */
class RelayDied extends Error {
  constructor() {
    super('the relay died between delivering and removing an outbox record');
    this.name = 'RelayDied';
  }
}

/**
 * The account tables' change streams read as the stream mappings read them on AWS (the local stream relay's
 * poller), each batch handed to the relay function. The bus is a recording one (there is no event bus here);
 * webhooks go out for real. The fault: the relay dies after delivering a record and before removing it, so the
 * poller hands the batch on again.
 */
export class RelayPump {
  readonly bus = new RecordingBus();
  readonly givenUp: GivenUp[] = [];
  /** Stream records handed to the relay function, tries again included. */
  handed = 0;
  private rounds = 0;
  private readonly raw: DynamoDBClient;
  private readonly poller: StreamRelayPoller;

  /** `endpoint`: DynamoDB Local itself, not the throttling link, as the stream reads are the harness's, not a handler's. */
  constructor(
    private readonly faults: FaultPlan,
    endpoint: string,
  ) {
    this.raw = localDynamoDbClient(endpoint);
    const relay = relayOutbox.with({ context: () => ({ ...streamRelay(), relayOf: (accountId: string) => this.relayOf(accountId) }) });
    this.poller = new StreamRelayPoller({
      streams: new LocalChangeStreams(this.raw, endpoint),
      invoke: async (event) => {
        this.handed += event.Records.length;
        const { batchItemFailures } = await relay(event, lambdaContext('relayOutbox', 60_000));
        return { failed: batchItemFailures.map((failure) => failure.itemIdentifier) };
      },
      giveUp: async (message) => {
        this.givenUp.push(message);
      },
      tablePrefix: accountTableName(loadSettings().stage, ''),
      log: () => undefined,
      maxTries: 10,
      backoffMs: 50,
    });
  }

  /** Finds the account tables' streams; what they held before is left alone. */
  start(): Promise<void> {
    return this.poller.discover();
  }

  /** One read of every stream; whether it handed anything to the relay. */
  async round(): Promise<boolean> {
    const before = this.handed;
    // A stream's new shards are found as the local stream relay finds them: every few rounds.
    if (++this.rounds % 20 === 0) await this.poller.discover();
    await this.poller.poll();
    return this.handed > before;
  }

  stop(): void {
    this.raw.destroy();
  }

  private relayOf(accountId: string): AccountRelay {
    const relay = outboxRelayOf(accountId);
    const outbox = {
      exists: relay.outbox.exists.bind(relay.outbox),
      remove: async (...args: Parameters<AccountRelay['outbox']['remove']>) => {
        if (this.faults.strikes('afterDelivery')) throw new RelayDied();
        await relay.outbox.remove(...args);
      },
    };
    return { ...relay, bus: this.bus, outbox };
  }
}
