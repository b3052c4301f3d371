import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EventBridgeBusPublisher } from '../adapters/eventbridge/eventbridge-bus-publisher';
import type { BusPublisher } from '../ports/bus-publisher';
import { containerPart } from './account-context';
import { settings } from './settings';
import { instrumented } from '../runtime/sdk-instrumentation';

const buildPublisher = (): BusPublisher => new EventBridgeBusPublisher(instrumented(new EventBridgeClient({})), settings().busName, settings().busSource);

/** The stage's event bus, one publisher for every account: each event names its account in `detail`. */
export const busPublisher = (): BusPublisher => containerPart(buildPublisher);
