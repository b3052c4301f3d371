import * as z from 'zod';
import { ValidationError } from '../domain-errors';
import { validate } from '../validation';

/** `hours` is a duration in hours, fractions allowed; `integer` a whole number; both within their bounds. */
export type SettingType = 'boolean' | 'integer' | 'hours';

/** What a setting may hold; `null` in a request removes the value set, so the one below applies. */
export type SettingValue = boolean | number;

export interface SettingDefinition {
  name: string;
  type: SettingType;
  /** In force where nothing is set; null means the feature is off. */
  default: SettingValue | null;
  description: string;
  min?: number;
  max?: number;
}

export const CC_PICKUP_EXPIRY_HOURS = 'fulfilment.cc.pickupExpiryHours';
export const AWAITING_STOCK_AUTO_CANCEL_HOURS = 'order.awaitingStock.autoCancelHours';
export const PARTIAL_ALLOCATION = 'order.partialAllocation';
export const STOCK_CHANGES_DRIVE_POSITION_WORKFLOW = 'inventory.stockChangesDrivePositionWorkflow';
export const WEBHOOK_CUSTOMER_DATA = 'webhook.includeCustomerData';

const THIRTY_DAYS = 24 * 30;

/** Every setting an account or a retailer may set, in the order they are listed. */
export const SETTING_CATALOGUE: readonly SettingDefinition[] = [
  {
    name: CC_PICKUP_EXPIRY_HOURS,
    type: 'hours',
    default: 48,
    min: 1,
    max: THIRTY_DAYS,
    description:
      'How long a click-and-collect parcel waits for its customer before EXPIRE fires. Unset, the CC workflow rule\'s holdHours applies (48 in the reference workflow).',
  },
  {
    name: AWAITING_STOCK_AUTO_CANCEL_HOURS,
    type: 'hours',
    default: null,
    min: 1,
    max: THIRTY_DAYS,
    description: 'Cancels an order still in AWAITING_STOCK after this many hours; off (null) by default.',
  },
  {
    name: PARTIAL_ALLOCATION,
    type: 'boolean',
    default: false,
    description: 'Allocates the lines in stock now and puts the rest in a backorder fulfilment in AWAITING_STOCK, instead of the whole order waiting.',
  },
  {
    name: STOCK_CHANGES_DRIVE_POSITION_WORKFLOW,
    type: 'boolean',
    default: false,
    description: 'Whether inventory batches send CREATE and INVENTORY_CHANGED to the retailer\'s INVENTORY_POSITION workflow.',
  },
  {
    name: WEBHOOK_CUSTOMER_DATA,
    type: 'boolean',
    default: false,
    description: 'Whether webhook payloads carry the customer\'s name, email, phone and address.',
  },
];

const byName = new Map(SETTING_CATALOGUE.map((definition) => [definition.name, definition]));

/** The definition of a known setting; an unknown name is a 400 naming `name`. */
export const settingNamed = (name: string): SettingDefinition => {
  const definition = byName.get(name);
  if (!definition) {
    throw new ValidationError(`name: '${name}' is not a known setting; GET /v1/settings lists them`, 'name', [
      { field: 'name', message: `'${name}' is not a known setting` },
    ]);
  }
  return definition;
};

const schemaOf = (definition: SettingDefinition): z.ZodType<SettingValue> => {
  const { type, min = 0, max = Number.MAX_SAFE_INTEGER } = definition;
  if (type === 'boolean') return z.boolean();
  if (type === 'integer') return z.number().int().min(min).max(max);
  return z.number().min(min).max(max);
};

/** A value for the setting, checked against its type and bounds; a wrong one is a 400 naming `value`. */
export const settingValueFor = (definition: SettingDefinition, value: unknown): SettingValue =>
  validate(schemaOf(definition), value, 'value');
