import type { Entity } from '../../../../shared/engine/engine-model';
import { fail, orderWorkflow, rule, ruleset, sendEvent, setState, statuses } from '../../engine/fixtures/workflows';

export { orderEvent } from '../../engine/fixtures/engine';
export { RETAILER } from '../../engine/fixtures/workflows';

/** Where RESERVE sends its event: a root of its own, so the event goes through the outbox and the queue. */
export const LOCATION = { entityType: 'LOCATION', entityRef: 'L-9' };

/**
 * An HD order workflow: CREATE books the order, CONFIRM confirms a booked one, RESERVE asks
 * location L-9 for stock and sends a webhook and a bus event, BREAK always fails.
 */
export const orderFlow = () =>
  orderWorkflow({
    statuses: statuses('CREATED', 'BOOKED', 'CONFIRMED'),
    rulesets: [
      ruleset('CREATE', [setState('BOOKED')]),
      ruleset('CONFIRM', [setState('CONFIRMED')], { triggers: ['BOOKED'] }),
      ruleset('RESERVE', [
        sendEvent('RESERVE_STOCK', { target: LOCATION, attributes: { sku: 'S-1' } }),
        rule('SendWebhook', { url: 'https://example.com/hook' }),
        rule('PublishEvent', { detailType: 'OrderReserving' }),
      ]),
      ruleset('BREAK', [fail('the carrier is down')]),
    ],
  });

/** An entity as a commit would have stored it, for seeding a store. */
export const storedEntity = (overrides: Partial<Entity> = {}): Entity => ({
  retailerId: 'R1',
  entityType: 'ORDER',
  subtype: 'HD',
  ref: 'O-1',
  id: 'order-id-1',
  status: 'BOOKED',
  attributes: {},
  workflowRef: 'ORDER::HD',
  workflowVersion: 1,
  version: 1,
  rootEntityType: 'ORDER',
  rootRef: 'O-1',
  createdOn: '2025-03-14T09:00:00.000Z',
  updatedOn: '2025-03-14T09:00:00.000Z',
  ...overrides,
});
