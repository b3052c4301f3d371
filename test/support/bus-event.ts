import type { EventBridgeEvent } from 'aws-lambda';

/** What EventBridge hands the ingest function for an event put on the bus by `account`. */
export const busEvent = (source: string, account: string, detail: unknown): EventBridgeEvent<'ordo.event', unknown> => ({
  version: '0',
  id: `bus-${Math.random().toString(16).slice(2)}`,
  'detail-type': 'ordo.event',
  source,
  account,
  time: new Date().toISOString(),
  region: 'us-east-1',
  resources: [],
  detail,
});
