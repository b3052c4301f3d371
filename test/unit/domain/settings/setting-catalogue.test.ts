import {
  CC_PICKUP_EXPIRY_HOURS,
  PARTIAL_ALLOCATION,
  SETTING_CATALOGUE,
  settingNamed,
  settingValueFor,
  type SettingDefinition,
} from '../../../../shared/domain/settings/setting-catalogue';
import { ValidationError } from '../../../../shared/domain/domain-errors';

const thrown = (act: () => unknown): ValidationError => {
  try {
    act();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('the settings catalogue', () => {
  it('names each setting once, dotted, with a description', () => {
    // Act
    const names = SETTING_CATALOGUE.map((definition) => definition.name);

    // Assess
    expect(new Set(names).size).toBe(names.length);
    for (const definition of SETTING_CATALOGUE) {
      expect(definition.name).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      expect(definition.description.length).toBeGreaterThan(10);
    }
  });

  it('holds a default that its own type accepts, or null for a feature off', () => {
    // Prepare
    const withDefault = SETTING_CATALOGUE.filter((definition) => definition.default !== null);

    // Act
    const accepted = withDefault.map((definition) => settingValueFor(definition, definition.default));

    // Assess
    expect(accepted).toEqual(withDefault.map((definition) => definition.default));
  });

  it('keeps a CC parcel waiting 48 hours by default, as the reference CC workflow does', () => {
    // Act
    const definition = settingNamed(CC_PICKUP_EXPIRY_HOURS);

    // Assess
    expect(definition).toMatchObject({ type: 'hours', default: 48 });
  });

  it('refuses an unknown setting with a 400 naming name', () => {
    // Act
    const error = thrown(() => settingNamed('order.teleport'));

    // Assess
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('name');
    expect(error.message).toContain('order.teleport');
  });

  it('refuses a string for an hours setting, naming value', () => {
    // Act
    const error = thrown(() => settingValueFor(settingNamed(CC_PICKUP_EXPIRY_HOURS), '24'));

    // Assess
    expect(error.field).toBe('value');
  });

  it('refuses hours beyond the setting bounds, naming value', () => {
    // Act
    const error = thrown(() => settingValueFor(settingNamed(CC_PICKUP_EXPIRY_HOURS), 24 * 31));

    // Assess
    expect(error.field).toBe('value');
  });

  it('takes a fraction of an hour for an hours setting', () => {
    // Act
    const value = settingValueFor(settingNamed(CC_PICKUP_EXPIRY_HOURS), 1.5);

    // Assess
    expect(value).toBe(1.5);
  });

  it('refuses a number for a boolean setting, naming value', () => {
    // Act
    const error = thrown(() => settingValueFor(settingNamed(PARTIAL_ALLOCATION), 1));

    // Assess
    expect(error.field).toBe('value');
  });

  it('refuses a fraction for an integer setting, naming value', () => {
    // Prepare
    const integer: SettingDefinition = { name: 'order.maxSplit', type: 'integer', default: 3, min: 1, max: 10, description: 'At most this many locations.' };

    // Act
    const error = thrown(() => settingValueFor(integer, 2.5));

    // Assess
    expect(error.field).toBe('value');
  });
});
