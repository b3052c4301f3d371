import { CC_PICKUP_EXPIRY_HOURS, PARTIAL_ALLOCATION, settingNamed } from '../../../../shared/domain/settings/setting-catalogue';
import { settingInForce, settingsInForce, valuesSetFor } from '../../../../shared/domain/settings/settings-in-force';
import type { StoredSetting } from '../../../../shared/ports/setting-store';

const expiry = settingNamed(CC_PICKUP_EXPIRY_HOURS);

describe('the value of a setting in force', () => {
  it('is the default where nothing is set', () => {
    // Act
    const setting = settingInForce(expiry, [], 'R1');

    // Assess
    expect(setting).toMatchObject({ name: CC_PICKUP_EXPIRY_HOURS, value: 48, default: 48, source: 'default' });
  });

  it("is the account's value over the default", () => {
    // Prepare
    const stored: StoredSetting[] = [{ name: CC_PICKUP_EXPIRY_HOURS, value: 36 }];

    // Act
    const setting = settingInForce(expiry, stored, 'R1');

    // Assess
    expect(setting).toMatchObject({ value: 36, source: 'account' });
  });

  it("is the retailer's own value over the account's", () => {
    // Prepare
    const stored: StoredSetting[] = [
      { name: CC_PICKUP_EXPIRY_HOURS, value: 36 },
      { name: CC_PICKUP_EXPIRY_HOURS, value: 2, retailerId: 'R1' },
    ];

    // Act
    const setting = settingInForce(expiry, stored, 'R1');

    // Assess
    expect(setting).toMatchObject({ value: 2, source: 'retailer' });
  });

  it("ignores another retailer's value", () => {
    // Prepare
    const stored: StoredSetting[] = [{ name: CC_PICKUP_EXPIRY_HOURS, value: 2, retailerId: 'R2' }];

    // Act
    const setting = settingInForce(expiry, stored, 'R1');

    // Assess
    expect(setting).toMatchObject({ value: 48, source: 'default' });
  });

  it("shows the account level, not a retailer's override, when no retailer is named", () => {
    // Prepare
    const stored: StoredSetting[] = [{ name: CC_PICKUP_EXPIRY_HOURS, value: 2, retailerId: 'R1' }];

    // Act
    const setting = settingInForce(expiry, stored);

    // Assess
    expect(setting).toMatchObject({ value: 48, source: 'default' });
  });

  it('lists every setting of the catalogue', () => {
    // Act
    const names = settingsInForce([], 'R1').map((setting) => setting.name);

    // Assess
    expect(names).toEqual(expect.arrayContaining([CC_PICKUP_EXPIRY_HOURS, PARTIAL_ALLOCATION]));
    expect(names).toHaveLength(5);
  });
});

describe('the values set for a rule to read', () => {
  it('hold what the retailer or its account set and leave defaults out, so a rule keeps its own behaviour', () => {
    // Prepare
    const stored: StoredSetting[] = [
      { name: PARTIAL_ALLOCATION, value: true },
      { name: CC_PICKUP_EXPIRY_HOURS, value: 2, retailerId: 'R2' },
    ];

    // Act
    const values = valuesSetFor(stored, 'R1');

    // Assess
    expect([...values]).toEqual([[PARTIAL_ALLOCATION, true]]);
  });
});
