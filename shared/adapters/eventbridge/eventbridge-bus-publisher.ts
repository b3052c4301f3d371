import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { busDetailOf } from '../../domain/outbound/bus-detail';
import type { OutboundEvent } from '../../domain/outbound/outbound-event';
import type { BusPublisher } from '../../ports/bus-publisher';

/** PutEvents takes at most 10 entries a call. */
const MAX_ENTRIES = 10;

/** Puts Ordo's outbound events on the stage's bus under `source: ordo.<stage>`, which Ordo's own ingress rule ignores. */
export class EventBridgeBusPublisher implements BusPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    private readonly source: string,
  ) {}

  async publish(events: readonly OutboundEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += MAX_ENTRIES) {
      const entries: PutEventsRequestEntry[] = events.slice(start, start + MAX_ENTRIES).map((event) => ({
        EventBusName: this.busName,
        Source: this.source,
        DetailType: event.type,
        Time: new Date(event.occurredOn),
        Detail: JSON.stringify(busDetailOf(event)),
      }));
      const result = await this.client.send(new PutEventsCommand({ Entries: entries }));
      if (result.FailedEntryCount) {
        const failed = (result.Entries ?? []).find((entry) => entry.ErrorCode);
        // The caller retries the whole lot: receivers tell repeats apart by `detail.id`.
        throw new Error(`The bus refused ${result.FailedEntryCount} of ${entries.length} events: ${failed?.ErrorCode ?? 'unknown'}`);
      }
    }
  }
}
