import { ForbiddenError, NotFoundError, ValidationError } from '../../../../shared/domain/domain-errors';
import { CC_PICKUP_EXPIRY_HOURS, PARTIAL_ALLOCATION } from '../../../../shared/domain/settings/setting-catalogue';
import { listSettings, putSetting } from '../../../../shared/domain/settings/manage-settings';
import { InMemorySettingStore } from '../../../support/setting-store';

const UNSCOPED = {};
const SCOPED_R1 = { retailerId: 'R1' };

describe('setting and listing settings', () => {
  let settings: InMemorySettingStore;

  beforeEach(() => {
    settings = new InMemorySettingStore();
  });

  it('sets the account value when an unscoped key names no retailer', async () => {
    // Act
    const answer = await putSetting({ name: CC_PICKUP_EXPIRY_HOURS, value: 24 }, UNSCOPED, { settings });

    // Assess
    expect(answer).toMatchObject({ name: CC_PICKUP_EXPIRY_HOURS, value: 24, source: 'account' });
    expect(settings.stored).toEqual([{ name: CC_PICKUP_EXPIRY_HOURS, value: 24 }]);
  });

  it("sets only its own retailer's override for a retailer-scoped key that names none", async () => {
    // Act
    const answer = await putSetting({ name: PARTIAL_ALLOCATION, value: true }, SCOPED_R1, { settings });

    // Assess
    expect(answer).toMatchObject({ value: true, source: 'retailer' });
    expect(settings.stored).toEqual([{ name: PARTIAL_ALLOCATION, value: true, retailerId: 'R1' }]);
  });

  it("refuses a retailer-scoped key setting another retailer's value, writing nothing", async () => {
    // Act
    const attempt = putSetting({ name: PARTIAL_ALLOCATION, value: true, retailerId: 'R2' }, SCOPED_R1, { settings });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(settings.stored).toEqual([]);
  });

  it('removes the value set when it is null, so the account value applies again', async () => {
    // Prepare
    await putSetting({ name: CC_PICKUP_EXPIRY_HOURS, value: 36 }, UNSCOPED, { settings });
    await putSetting({ name: CC_PICKUP_EXPIRY_HOURS, value: 2, retailerId: 'R1' }, UNSCOPED, { settings });

    // Act
    const answer = await putSetting({ name: CC_PICKUP_EXPIRY_HOURS, value: null, retailerId: 'R1' }, UNSCOPED, { settings });

    // Assess
    expect(answer).toMatchObject({ value: 36, source: 'account' });
  });

  it('writes nothing for an unknown setting', async () => {
    // Act
    const attempt = putSetting({ name: 'order.teleport', value: true }, UNSCOPED, { settings });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(settings.stored).toEqual([]);
  });

  it('writes nothing for a value of the wrong type', async () => {
    // Act
    const attempt = putSetting({ name: PARTIAL_ALLOCATION, value: 'yes' }, UNSCOPED, { settings });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    expect(settings.stored).toEqual([]);
  });

  it("lists a retailer's values for a retailer-scoped key that names none", async () => {
    // Prepare
    await putSetting({ name: PARTIAL_ALLOCATION, value: true, retailerId: 'R1' }, UNSCOPED, { settings });

    // Act
    const listed = await listSettings({}, SCOPED_R1, { settings });

    // Assess
    expect(listed.retailerId).toBe('R1');
    expect(listed.items.find((setting) => setting.name === PARTIAL_ALLOCATION)).toMatchObject({ value: true, source: 'retailer' });
  });

  it("hides another retailer's settings from a retailer-scoped key", async () => {
    // Act
    const attempt = listSettings({ retailerId: 'R2' }, SCOPED_R1, { settings });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
