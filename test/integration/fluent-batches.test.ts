import { catalogApi as catalog, store } from './catalog-api';
import { newAccount, TEST_RETAILERS } from './control-plane-api';
import { inventoryBatch, jobsApi as jobs, settledBatch } from './jobs-api';

/** Fluent's retailers are numbered: a migrated retailer keeps its number as its Ordo id. */
const RETAILER = '197';

/**
 * The InventoryPost record of Fluent's inventory batch, as documented at
 * https://docs.fluentcommerce.com/by-type/knowledge_tracks/integrate-and-connect/inventory-batches
 * (its example values; the quantities are integers, as the page types them).
 */
const fluentRecord = {
  retailerId: '197',
  inventoryId: '56470',
  skuRef: '29SPM0020X96-1-8',
  locationRef: '158',
  qty: 10,
  correctedQty: 2,
  reservedQty: 2,
};

const accountWithStore = async (prefix: string) => {
  const { apiKey } = await newAccount(prefix, { retailers: [...TEST_RETAILERS, RETAILER] });
  await catalog.putLocation(apiKey, '158', store(-37.81, 144.96));
  const job = await jobs.createJob(apiKey, { name: 'Batch Inventory Job', retailerId: RETAILER });
  return { apiKey, jobId: job.body.jobId as string };
};

const onHandAt158 = async (apiKey: string, skuRef: string) =>
  (await catalog.listInventory(apiKey, { skuRef })).body.items.map((position: { locationRef: string; onHand: number }) => [position.locationRef, position.onHand]);

describe('Fluent-shaped inventory batches, on DynamoDB Local and the local queue', () => {
  it('applies a Fluent record with correctedQty as qty + correctedQty on hand', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithStore('fluent-batch');

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch([fluentRecord]));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(posted.status).toBe(202);
    expect(batch.body).toMatchObject({ status: 'COMPLETE', applied: 1, failed: 0, errors: [] });
    expect(await onHandAt158(apiKey, '29SPM0020X96-1-8')).toEqual([['158', 12]]);
  });

  it('says on the batch what became of each Fluent field, and on which records', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithStore('fluent-notes');
    const second = { skuRef: 'SKU-2', locationRef: '158', qty: 4, type: 'LAST_ON_HAND', attributes: { colour: 'red' } };

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch([fluentRecord, second]));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    const notes = Object.fromEntries(batch.body.fieldNotes.map((note: { field: string; code: string; records: number[] }) => [note.field, [note.code, note.records]]));
    expect(notes).toEqual({
      retailerId: ['IGNORED_FIELD', [0]],
      inventoryId: ['IGNORED_FIELD', [0]],
      reservedQty: ['IGNORED_FIELD', [0]],
      correctedQty: ['MAPPED_FIELD', [0]],
      type: ['IGNORED_FIELD', [1]],
      attributes: ['UNSUPPORTED_FIELD', [1]],
    });
    expect(posted.body.fieldNotes).toEqual(batch.body.fieldNotes);
  });

  it("fails only a record of another retailer, naming retailerId, and applies the rest", async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithStore('fluent-other');
    const foreign = { ...fluentRecord, retailerId: 198, skuRef: 'SKU-FOREIGN' };

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch([fluentRecord, foreign]));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(batch.body).toMatchObject({ status: 'PARTIAL', applied: 1, failed: 1 });
    expect(batch.body.errors).toEqual([
      { index: 1, skuRef: 'SKU-FOREIGN', locationRef: '158', code: 'INVALID_RECORD', message: expect.stringMatching(/^retailerId: 198 /) },
    ]);
    expect(await onHandAt158(apiKey, 'SKU-FOREIGN')).toEqual([]);
  });

  it('fails a record whose correction would leave less than nothing on hand, naming correctedQty', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithStore('fluent-negative');

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch([{ ...fluentRecord, correctedQty: -11 }]));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(batch.body).toMatchObject({ status: 'FAILED', applied: 0, failed: 1 });
    expect(batch.body.errors[0]).toMatchObject({ index: 0, code: 'INVALID_RECORD', message: expect.stringMatching(/^correctedQty: /) });
    expect(await onHandAt158(apiKey, '29SPM0020X96-1-8')).toEqual([]);
  });
});
