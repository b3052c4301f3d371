import { schedulePickupExpiryRule } from '../../../../../shared/domain/orders/rules/schedule-pickup-expiry';
import { CC_PICKUP_EXPIRY_HOURS } from '../../../../../shared/domain/settings/setting-catalogue';
import { ruleContext } from '../../../engine/fixtures/rule-context';

const PROPS = { eventName: 'EXPIRE', holdHours: 48 };
// ruleContext's clock reads 2025-01-01T10:00:00.000Z.
const hoursAfterNow = (hours: number) => new Date(Date.parse('2025-01-01T10:00:00.000Z') + hours * 3_600_000).toISOString();

const withSettings = (values: Record<string, unknown>, eventAttributes: Record<string, unknown> = {}) => ({
  ...ruleContext({ entityType: 'FULFILMENT', subtype: 'CC' }, eventAttributes),
  setting: async (name: string) => values[name],
});

describe('ordo.fulfilment.SchedulePickupExpiry', () => {
  it("schedules the expiry after the retailer's pickup expiry setting when one is set", async () => {
    // Act
    const actions = await schedulePickupExpiryRule.run(withSettings({ [CC_PICKUP_EXPIRY_HOURS]: 2 }), PROPS);

    // Assess
    expect(actions).toEqual([{ type: 'SCHEDULE_EVENT', event: { name: 'EXPIRE' }, dueAt: hoursAfterNow(2) }]);
  });

  it('schedules the expiry after holdHours when no setting is set', async () => {
    // Act
    const actions = await schedulePickupExpiryRule.run(withSettings({}), PROPS);

    // Assess
    expect(actions).toEqual([{ type: 'SCHEDULE_EVENT', event: { name: 'EXPIRE' }, dueAt: hoursAfterNow(48) }]);
  });

  it("schedules the expiry at the event's expiresAt, whatever the setting", async () => {
    // Prepare
    const ctx = withSettings({ [CC_PICKUP_EXPIRY_HOURS]: 2 }, { expiresAt: '2025-01-01T18:00:00.000Z' });

    // Act
    const actions = await schedulePickupExpiryRule.run(ctx, PROPS);

    // Assess
    expect(actions).toEqual([{ type: 'SCHEDULE_EVENT', event: { name: 'EXPIRE' }, dueAt: '2025-01-01T18:00:00.000Z' }]);
  });
});
