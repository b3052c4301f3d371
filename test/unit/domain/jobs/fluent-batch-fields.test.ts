import { validateBatchRecords } from '../../../../shared/domain/jobs/batch-records';

const record = (fields: Record<string, unknown> = {}) => ({ skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 10, ...fields });

describe("Fluent's inventory batch record fields", () => {
  it('reads a record without Fluent fields as before, with no notes', () => {
    // Act
    const { valid, fieldNotes } = validateBatchRecords([record()], { retailerId: '1' });

    // Assess
    expect(valid).toEqual([{ index: 0, skuRef: 'SKU-1', locationRef: 'LOC-1', qty: 10 }]);
    expect(fieldNotes).toEqual([]);
  });

  it('takes a numeric retailerId equal to the job’s retailer', () => {
    // Act
    const { valid, rejected } = validateBatchRecords([record({ retailerId: 1 })], { retailerId: '1' });

    // Assess
    expect(rejected).toEqual([]);
    expect(valid).toHaveLength(1);
  });

  it.each([
    ['type', 'ON_ORDER'],
    ['action', 'DELETE'],
  ])('fails a record whose %s Ordo cannot honour, naming the field', (field, value) => {
    // Act
    const { valid, rejected } = validateBatchRecords([record({ [field]: value })], { retailerId: '1' });

    // Assess
    expect(valid).toEqual([]);
    expect(rejected[0]).toMatchObject({ index: 0, code: 'INVALID_RECORD', message: expect.stringMatching(new RegExp(`^${field}: `)) });
  });

  it('still refuses a field neither Ordo nor Fluent has, naming it', () => {
    // Act
    const { rejected } = validateBatchRecords([record({ quantity: 3 })], { retailerId: '1' });

    // Assess
    expect(rejected[0]).toMatchObject({ code: 'INVALID_RECORD', message: 'quantity is not a known field' });
  });

  it('notes nothing for a record it refuses, so every note is of an applied record', () => {
    // Act
    const { fieldNotes } = validateBatchRecords([record({ inventoryId: 'x', qty: -1 }), record({ skuRef: 'SKU-2', inventoryId: 'y' })], { retailerId: '1' });

    // Assess
    expect(fieldNotes).toEqual([{ field: 'inventoryId', code: 'IGNORED_FIELD', message: expect.any(String), records: [1] }]);
  });
});
