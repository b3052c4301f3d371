import type { AccountChange } from '../domain/outbound/account-change';
import type { OutboundEvent } from '../domain/outbound/outbound-event';

/** What leaves Ordo because of one of the account's changes. Nothing yet: no change makes an outbound event. */
export const outboundEventsOf =
  (_accountId: string) =>
  async (_change: AccountChange): Promise<OutboundEvent[]> =>
    [];
