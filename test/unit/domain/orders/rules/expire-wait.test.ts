import { expireWaitRule } from '../../../../../shared/domain/orders/rules/expire-wait';
import { ruleContext } from '../../../engine/fixtures/rule-context';

const SINCE = '2025-01-01T08:00:00.000Z';

describe('ordo.order.ExpireWait', () => {
  it('sends the event when the order is still in the wait that scheduled it', () => {
    // Prepare
    const ctx = ruleContext({ status: 'AWAITING_STOCK', attributes: { awaitingStockSince: SINCE } }, { awaitingStockSince: SINCE });

    // Act
    const actions = expireWaitRule.run(ctx, { eventName: 'CANCEL' });

    // Assess
    expect(actions).toEqual([{ type: 'SEND_EVENT', event: { name: 'CANCEL', attributes: { reason: 'waited for stock too long' } } }]);
  });

  it('sends nothing when the order has started another wait since', () => {
    // Prepare
    const ctx = ruleContext({ status: 'AWAITING_STOCK', attributes: { awaitingStockSince: '2025-01-01T09:30:00.000Z' } }, { awaitingStockSince: SINCE });

    // Act
    const actions = expireWaitRule.run(ctx, { eventName: 'CANCEL' });

    // Assess
    expect(actions).toEqual([expect.objectContaining({ type: 'LOG' })]);
  });
});
